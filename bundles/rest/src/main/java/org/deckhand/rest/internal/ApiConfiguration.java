package org.deckhand.rest.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.deckhand.api.security.Authenticator;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.media.sse.SseFeature;
import org.glassfish.jersey.message.GZipEncoder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * Builds the Jersey configuration of the API: the contributed resources plus what every request goes through
 * (authentication, the body size limit, JSON, problem details, gzip for JSON answers, Server-Sent Events) and the
 * OpenAPI document. Every feature is registered here, so Jersey's feature auto-discovery stays off; the
 * META-INF/services lookup stays on, because the SSE message body writers come through it.
 */
final class ApiConfiguration {

    private final Authenticator authenticator;
    private final OpenApiGenerator openApi;
    private final ObjectMapperResolver json;
    private final BodySizeLimit bodySizeLimit;

    ApiConfiguration(Authenticator authenticator, ObjectMapperResolver json, BodySizeLimit bodySizeLimit,
            String version) {
        this.authenticator = authenticator;
        this.json = json;
        this.bodySizeLimit = bodySizeLimit;
        this.openApi = new OpenApiGenerator(json.mapper(), version);
    }

    /**
     * @param resources the resource objects that bundles contribute
     * @return a fresh configuration serving them
     */
    ResourceConfig build(Collection<Object> resources) {
        List<Class<?>> documented = new ArrayList<>();
        ResourceConfig config = new ResourceConfig();
        config.setApplicationName("deckhand");
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(json);
        config.register(SseFeature.class);
        config.register(new AuthenticationFilter(authenticator));
        config.register(bodySizeLimit);
        config.register(new ProblemExceptionMapper());
        config.register(new JsonCompression());
        config.register(GZipEncoder.class);
        for (Object resource : resources) {
            config.register(resource);
            documented.add(resource.getClass());
        }
        OpenApiResource openApiResource = new OpenApiResource(openApi, documented);
        documented.add(OpenApiResource.class);
        config.register(openApiResource);
        return config;
    }
}
