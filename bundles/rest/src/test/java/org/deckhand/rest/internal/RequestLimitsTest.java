package org.deckhand.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.junit.jupiter.api.Test;

/**
 * The API's configuration as the server builds it, run by Jersey in memory: the size limit of request bodies,
 * declared or not, and query parameters that are not numbers.
 */
class RequestLimitsTest {

    private static final int LIMIT = 4096;

    @Path("crates")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public static class CratesResource {
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public int add(List<String> trackIds) {
            return trackIds.size();
        }

        @POST
        @Path("upload")
        @Consumes(MediaType.APPLICATION_OCTET_STREAM)
        public long upload(InputStream body) throws IOException {
            return body.transferTo(OutputStreamDiscard.INSTANCE);
        }

        @GET
        @Path("{id}")
        public int page(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("20") int limit) {
            return limit;
        }
    }

    /** A sink for uploaded bytes. */
    private static final class OutputStreamDiscard extends java.io.OutputStream {
        static final OutputStreamDiscard INSTANCE = new OutputStreamDiscard();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    private final BodySizeLimit limit = new BodySizeLimit(LIMIT);
    private final ApplicationHandler api = new ApplicationHandler(new ApiConfiguration(new NobodyAuthenticator(),
            new ObjectMapperResolver(), limit, "test").build(List.of(new CratesResource())));

    @Test
    void aJsonBodyWithinTheLimitIsRead() throws Exception {
        ContainerResponse response = post("/crates", trackIds(LIMIT - 100), true);

        assertEquals(200, response.getStatus());
    }

    @Test
    void aJsonBodyThatDeclaresMoreThanTheLimitIsRefusedNamingIt() throws Exception {
        ContainerResponse response = post("/crates", trackIds(10 * LIMIT), true);

        assertEquals(413, response.getStatus());
        assertTrue(detail(response).contains(LIMIT + " bytes"), detail(response));
    }

    @Test
    void aJsonBodyWithoutALengthIsRefusedOnceItGrowsPastTheLimit() throws Exception {
        ContainerResponse response = post("/crates", trackIds(10 * LIMIT), false);

        assertEquals(413, response.getStatus());
        assertTrue(detail(response).contains("maxBodyKibibytes"), detail(response));
    }

    @Test
    void aChangedLimitAppliesToTheNextRequest() throws Exception {
        limit.setMaxBytes(100 * LIMIT);

        assertEquals(200, post("/crates", trackIds(10 * LIMIT), false).getStatus());
    }

    @Test
    void aBodyTheResourceStreamsItselfIsNotLimitedHere() throws Exception {
        ContainerRequest request = request("POST", "/crates/upload");
        request.getHeaders().add("Content-Type", MediaType.APPLICATION_OCTET_STREAM);
        request.setEntityStream(new ByteArrayInputStream(new byte[10 * LIMIT]));

        ContainerResponse response = api.apply(request).get();

        assertEquals(200, response.getStatus());
        assertEquals(10L * LIMIT, response.getEntity());
    }

    @Test
    void aJsonBodyThatIsNotUnicodeTextIsABadRequest() throws Exception {
        // four bytes that Jackson takes for UTF-32 big-endian, then a character beyond U+10FFFF (a fuzzing finding)
        byte[] body = {0, 0, 0, '[', 0x37, (byte) 0xFF, 0, 0};

        ContainerResponse response = post("/crates", body, true);

        assertEquals(400, response.getStatus());
        assertTrue(detail(response).startsWith("Malformed JSON in the request body: the body is not text in "
                + "UTF-8, UTF-16 or UTF-32"), detail(response));
    }

    @Test
    void aQueryParameterThatIsNotANumberIsABadRequestNamingIt() throws Exception {
        for (String value : List.of("abc", "99999999999", "1.5")) {
            ContainerResponse response = api.apply(request("GET", "/crates/7?limit=" + value)).get();

            assertEquals(400, response.getStatus(), value);
            assertTrue(detail(response).contains("query parameter limit cannot be '" + value + "'"),
                    detail(response));
        }
        assertEquals(404, api.apply(request("GET", "/crates/seven")).get().getStatus(), "a path names no crate");
        assertEquals(200, api.apply(request("GET", "/crates/7?limit=5")).get().getStatus());
    }

    private ContainerResponse post(String path, byte[] body, boolean declareLength) throws Exception {
        ContainerRequest request = request("POST", path);
        request.getHeaders().add("Content-Type", MediaType.APPLICATION_JSON);
        if (declareLength) {
            request.getHeaders().add("Content-Length", Integer.toString(body.length));
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        return api.apply(request).get();
    }

    private static ContainerRequest request(String method, String path) {
        return new ContainerRequest(URI.create("http://localhost/"), URI.create("http://localhost" + path), method,
                null, new MapPropertiesDelegate(), null);
    }

    private static String detail(ContainerResponse response) {
        return ((ProblemDetails) response.getEntity()).detail();
    }

    /** @return a JSON list of track ids of about {@code bytes} bytes */
    private static byte[] trackIds(int bytes) {
        StringBuilder json = new StringBuilder("[\"1\"");
        while (json.length() < bytes - 6) {
            json.append(",\"1\"");
        }
        return json.append(']').toString().getBytes(StandardCharsets.US_ASCII);
    }
}
