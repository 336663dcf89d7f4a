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

    /** A delivery's state, as a resource's answer carries it. */
    public enum State { PENDING, REJECTED }

    /** An answer with a nested record, an enum, a list, a value that may be null and a time. */
    public record Delivery(long seq, State state, List<String> tags, Integer status,
            java.time.Instant queued, Delivery previous) {
    }

    @Path("deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    public static class DeliveriesResource {
        @GET
        public List<Delivery> list() {
            return List.of();
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
            .document(List.of(CratesResource.class, PingResource.class, DeliveriesResource.class));

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
    void answersCarryTheSchemaOfTheirJsonWithEveryEnumConstant() {
        JsonNode answer = document.get("paths").get("/deliveries").get("get").get("responses").get("200")
                .get("content").get("application/json").get("schema");
        assertEquals("array", answer.get("type").asText());
        assertEquals("#/components/schemas/OpenApiGeneratorTest.Delivery", answer.get("items").get("$ref").asText());
        JsonNode delivery = document.get("components").get("schemas").get("OpenApiGeneratorTest.Delivery")
                .get("properties");
        assertEquals("integer", delivery.get("seq").get("type").asText());
        assertEquals("[\"PENDING\",\"REJECTED\"]", delivery.get("state").get("enum").toString());
        assertEquals("string", delivery.get("tags").get("items").get("type").asText());
        assertEquals("integer", delivery.get("status").get("type").asText());
        assertEquals("date-time", delivery.get("queued").get("format").asText());
        assertEquals("#/components/schemas/OpenApiGeneratorTest.Delivery", delivery.get("previous").get("$ref")
                .asText(), "a record that refers to itself is one schema");
        assertEquals("string", document.get("paths").get("/ping").get("get").get("responses").get("200")
                .get("content").get("text/plain").get("schema").get("type").asText());
    }

    @Test
    void onlyPermitAllOperationsAreOpen() {
        assertEquals(2, document.get("security").size());
        assertEquals(0, document.get("paths").get("/ping").get("get").get("security").size());
        assertFalse(document.get("paths").get("/crates").get("get").has("security"));
    }
}
