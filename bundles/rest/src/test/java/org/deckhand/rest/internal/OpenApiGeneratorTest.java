package org.deckhand.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiGeneratorTest {

    @Path("crates")
    @Produces(MediaType.APPLICATION_JSON)
    public static class CratesResource {
        @GET
        public List<String> list(@QueryParam("limit") @DefaultValue("50") int limit) {
            return List.of();
        }

        @GET
        @Path("{id: [0-9]+}")
        public String get(@PathParam("id") long id) {
            return "";
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public String add(String crate) {
            return crate;
        }

        @DELETE
        @Path("{id}")
        public void remove(@PathParam("id") long id) {
        }
    }

    @Path("ping")
    @PermitAll
    public static class PingResource {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String ping() {
            return "pong";
        }
    }

    private final JsonNode document = new OpenApiGenerator(new ObjectMapperResolver().mapper(), "1.2.3")
            .document(List.of(CratesResource.class, PingResource.class));

    @Test
    void everyPathAndMethodIsDescribed() {
        JsonNode paths = document.get("paths");

        assertEquals("3.1.0", document.get("openapi").asText());
        assertEquals("1.2.3", document.get("info").get("version").asText());
        assertTrue(paths.get("/crates").has("get"));
        assertTrue(paths.get("/crates").has("post"));
        assertTrue(paths.get("/crates/{id}").has("get"), "a regular expression in the template is dropped");
        assertTrue(paths.get("/crates/{id}").has("delete"));
        assertTrue(paths.get("/ping").has("get"));
    }

    @Test
    void parametersBodiesAndResponsesAreTyped() {
        JsonNode list = document.get("paths").get("/crates").get("get");
        JsonNode limit = list.get("parameters").get(0);
        JsonNode id = document.get("paths").get("/crates/{id}").get("get").get("parameters").get(0);

        assertEquals("query", limit.get("in").asText());
        assertEquals("integer", limit.get("schema").get("type").asText());
        assertEquals("50", limit.get("schema").get("default").asText());
        assertFalse(limit.get("required").asBoolean());
        assertEquals("path", id.get("in").asText());
        assertTrue(id.get("required").asBoolean());
        assertTrue(document.get("paths").get("/crates").get("post").get("requestBody").get("content")
                .has("application/json"));
        assertTrue(document.get("paths").get("/crates/{id}").get("delete").get("responses").has("204"));
        assertTrue(list.get("responses").get("default").get("content").has("application/problem+json"));
    }

    @Test
    void onlyPermitAllOperationsAreOpen() {
        assertEquals(2, document.get("security").size());
        assertEquals(0, document.get("paths").get("/ping").get("get").get("security").size());
        assertFalse(document.get("paths").get("/crates").get("get").has("security"));
    }
}
