package org.deckhand.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.deckhand.api.rest.RestResource;
import org.glassfish.jersey.model.Parameter.Source;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Writes an OpenAPI 3.1 document of the resources the API serves, from Jersey's own model of their annotations, so
 * that it covers every resource and method as they are, including those that plugins contribute, with the JSON
 * Schemas of their bodies ({@link JsonSchemas}).
 *
 * <p>Source: OpenAPI Specification 3.1.0, sections 4.8.1 (OpenAPI object), 4.8.8 (paths), 4.8.10 (operation),
 * 4.8.12 (parameter) and 4.8.27 (security schemes).
 */
final class OpenApiGenerator {

    private final ObjectMapper mapper;
    private final String version;

    OpenApiGenerator(ObjectMapper mapper, String version) {
        this.mapper = mapper;
        this.version = version;
    }

    /**
     * @param resourceClasses the root resource classes served under {@link RestResource#BASE_PATH}
     * @return the OpenAPI document
     */
    ObjectNode document(Collection<Class<?>> resourceClasses) {
        JsonSchemas schemas = new JsonSchemas(mapper);
        ObjectNode root = mapper.createObjectNode();
        root.put("openapi", "3.1.0");
        root.putObject("info").put("title", "Deckhand API").put("version", version)
                .put("description", "The REST API of Deckhand, a music server for DJs and record collectors.");
        root.putArray("servers").addObject().put("url", RestResource.BASE_PATH);
        ArrayNode security = root.putArray("security");
        security.addObject().putArray("basic");
        security.addObject().putArray("bearer");
        ObjectNode components = root.putObject("components");
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject("basic").put("type", "http").put("scheme", "basic")
                .put("description", "User admin and the admin password.");
        schemes.putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("description", "An API key created under /keys.");

        Map<String, ObjectNode> paths = new TreeMap<>();
        for (Class<?> type : resourceClasses) {
            Resource resource = Resource.from(type);
            if (resource != null) {
                addResource(paths, "", resource, type, schemas);
            }
        }
        ObjectNode pathsNode = root.putObject("paths");
        paths.forEach(pathsNode::set);
        ObjectNode named = components.putObject("schemas");
        schemas.named().forEach(named::set);
        return root;
    }

    private void addResource(Map<String, ObjectNode> paths, String parentPath, Resource resource, Class<?> type,
            JsonSchemas schemas) {
        String path = join(parentPath, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            ObjectNode pathItem = paths.computeIfAbsent(path, p -> mapper.createObjectNode());
            pathItem.set(method.getHttpMethod().toLowerCase(Locale.ROOT), operation(method, type, schemas));
        }
        for (Resource child : resource.getChildResources()) {
            addResource(paths, path, child, type, schemas);
        }
    }

    private ObjectNode operation(ResourceMethod method, Class<?> type, JsonSchemas schemas) {
        Invocable invocable = method.getInvocable();
        Method java = invocable.getDefinitionMethod();
        ObjectNode operation = mapper.createObjectNode();
        operation.put("operationId", type.getSimpleName() + "." + java.getName());
        operation.putArray("tags").add(type.getSimpleName().replaceFirst("Resource$", ""));
        if (java.isAnnotationPresent(PermitAll.class) || type.isAnnotationPresent(PermitAll.class)) {
            operation.putArray("security");
        }
        ArrayNode parameters = mapper.createArrayNode();
        for (Parameter parameter : invocable.getParameters()) {
            String in = switch (parameter.getSource()) {
                case PATH -> "path";
                case QUERY -> "query";
                case HEADER -> "header";
                default -> null;
            };
            if (in != null) {
                ObjectNode node = parameters.addObject().put("name", parameter.getSourceName()).put("in", in)
                        .put("required", parameter.getSource() == Source.PATH);
                node.set("schema", schemas.of(parameter.getType()));
                if (parameter.getDefaultValue() != null) {
                    ((ObjectNode) node.get("schema")).put("default", parameter.getDefaultValue());
                }
            } else if (parameter.getSource() == Source.ENTITY) {
                ObjectNode content = operation.putObject("requestBody").put("required", true).putObject("content");
                mediaTypes(method.getConsumedTypes(), MediaType.APPLICATION_JSON)
                        .forEach(m -> content.putObject(m).set("schema", schemas.of(parameter.getType())));
            }
        }
        if (!parameters.isEmpty()) {
            operation.set("parameters", parameters);
        }
        ObjectNode responses = operation.putObject("responses");
        boolean stream = method.getProducedTypes().contains(MediaType.SERVER_SENT_EVENTS_TYPE);
        boolean empty = java.getReturnType() == void.class && !stream;
        ObjectNode success = responses.putObject(empty ? "204" : "200").put("description", "Success");
        if (!empty) {
            ObjectNode content = success.putObject("content");
            boolean typed = !stream && !Response.class.isAssignableFrom(java.getReturnType());
            for (String mediaType : mediaTypes(method.getProducedTypes(), MediaType.APPLICATION_JSON)) {
                ObjectNode body = content.putObject(mediaType);
                if (typed) {
                    body.set("schema", schemas.of(java.getGenericReturnType()));
                }
            }
        }
        responses.putObject("default").put("description", "An error, as RFC 9457 problem details")
                .putObject("content").putObject(ProblemDetails.MEDIA_TYPE.toString());
        return operation;
    }

    private static List<String> mediaTypes(List<MediaType> declared, String fallback) {
        return declared.isEmpty() ? List.of(fallback) : declared.stream().map(MediaType::toString).toList();
    }

    private static String join(String parent, String child) {
        String trimmed = child == null ? "" : child.replaceAll("^/+|/+$", "");
        String joined = trimmed.isEmpty() ? parent : parent + "/" + trimmed;
        return joined.isEmpty() ? "/" : joined.replaceAll("\\{([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
    }
}
