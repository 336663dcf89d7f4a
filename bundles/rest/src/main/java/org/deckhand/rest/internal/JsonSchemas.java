package org.deckhand.rest.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of the API's request and response bodies, written from the
 * properties that the API's own Jackson mapper reads and writes: a record or bean becomes a named schema under
 * {@code components/schemas} with a property per JSON field, an enum a string of its constants, a collection an
 * array, a map an object of its values, an {@code Instant} a {@code date-time} string. Types it cannot see into
 * (a {@code JsonNode}, {@code Object}, an interface) are any JSON value.
 *
 * <p>Source: OpenAPI Specification 3.1.0, sections 4.8.24 (schema object) and 4.8.7 (components); JSON Schema
 * 2020-12 Validation, section 6.1 ({@code type}, {@code enum}).
 */
final class JsonSchemas {

    private static final String REF = "#/components/schemas/";

    private final ObjectMapper mapper;
    private final Map<Class<?>, String> names = new HashMap<>();
    private final Map<String, ObjectNode> named = new TreeMap<>();

    /** @param mapper the API's mapper, whose view of each type the schemas follow */
    JsonSchemas(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param type a Java type as a method declares it, generics included
     * @return its schema, a {@code $ref} to a named one for a record or bean
     */
    ObjectNode of(Type type) {
        return of(mapper.constructType(type));
    }

    /** @return the named schemas made so far, by name, for {@code components/schemas} */
    Map<String, ObjectNode> named() {
        return named;
    }

    private ObjectNode of(JavaType type) {
        ObjectNode schema = mapper.createObjectNode();
        Class<?> raw = type.getRawClass();
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
                || raw == short.class || raw == Short.class) {
            return schema.put("type", "integer");
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            return schema.put("type", "number");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return schema.put("type", "boolean");
        }
        if (raw == String.class || raw == char.class || raw == Character.class) {
            return schema.put("type", "string");
        }
        if (raw == byte[].class || InputStream.class.isAssignableFrom(raw)) {
            return schema.put("type", "string").put("format", "binary");
        }
        if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class) {
            return schema.put("type", "string").put("format", "date-time");
        }
        if (raw == LocalDate.class) {
            return schema.put("type", "string").put("format", "date");
        }
        if (raw.isEnum()) {
            ArrayNode constants = schema.put("type", "string").putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                constants.add(((Enum<?>) constant).name());
            }
            return schema;
        }
        if (type.isReferenceType()) {
            return of(type.getContentType());
        }
        if (type.isArrayType() || type.isCollectionLikeType()) {
            schema.put("type", "array").set("items", of(type.getContentType()));
            return schema;
        }
        if (type.isMapLikeType()) {
            schema.put("type", "object").set("additionalProperties", of(type.getContentType()));
            return schema;
        }
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw) || raw.isInterface() || raw.isPrimitive()
                || raw.getName().startsWith("java.") || raw.getName().startsWith("jakarta.")) {
            return schema;
        }
        return schema.put("$ref", REF + named(type));
    }

    /** @return the name of a record's or bean's schema, made on its first use */
    private String named(JavaType type) {
        Class<?> raw = type.getRawClass();
        String existing = names.get(raw);
        if (existing != null) {
            return existing;
        }
        String base = raw.getName().substring(raw.getPackageName().length()).replaceFirst("^\\.", "")
                .replace('$', '.');
        String name = base;
        for (int n = 2; named.containsKey(name); n++) {
            name = base + n;
        }
        ObjectNode schema = mapper.createObjectNode().put("type", "object");
        names.put(raw, name);
        named.put(name, schema);
        ObjectNode properties = schema.putObject("properties");
        try {
            BeanDescription description = mapper.getSerializationConfig().introspect(type);
            for (BeanPropertyDefinition property : description.findProperties()) {
                if (property.couldSerialize()) {
                    properties.set(property.getName(), of(property.getPrimaryType()));
                }
            }
        } catch (IllegalArgumentException e) {
            // A plugin's type whose properties Jackson cannot sort out (two getters of one name): any object.
            schema.remove("properties");
        }
        return name;
    }
}
