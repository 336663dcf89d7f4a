package org.deckhand.rest.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Collection;

/** Serves the OpenAPI document of the API as it is now, at {@code /api/v1/openapi.json}, to signed-in clients. */
@Path("openapi.json")
public final class OpenApiResource {

    private final OpenApiGenerator generator;
    private final Collection<Class<?>> resourceClasses;

    OpenApiResource(OpenApiGenerator generator, Collection<Class<?>> resourceClasses) {
        this.generator = generator;
        this.resourceClasses = resourceClasses;
    }

    /**
     * @return the OpenAPI 3.1 document that describes every resource the API serves
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode openApi() {
        return generator.document(resourceClasses);
    }
}
