package org.deckhand.rest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.junit.jupiter.api.Test;

/**
 * The API's configuration as the server builds it, run by Jersey with the bytes it writes: JSON answers and problem
 * details gzip-compressed for a client that accepts gzip, and only for it; audio never compressed.
 */
class JsonCompressionTest {

    /** A resource with a large JSON answer, an audio answer and a problem. */
    @Path("rows")
    @PermitAll
    public static class RowsResource {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public List<Row> rows() {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                rows.add(new Row(i, "Artist " + i, "A title that repeats, as tags do " + i));
            }
            return rows;
        }

        @GET
        @Path("audio")
        @Produces("audio/flac")
        public byte[] audio() {
            return "fLaC not really audio, but bytes".getBytes(StandardCharsets.US_ASCII);
        }

        @GET
        @Path("missing")
        @Produces(MediaType.APPLICATION_JSON)
        public Row missing() {
            throw new NotFoundException("No row 7: it was never there, and this sentence is long enough to matter.");
        }
    }

    /** A row of the JSON answer. */
    public record Row(int id, String artist, String title) {
    }

    private final ApplicationHandler api = new ApplicationHandler(new ApiConfiguration(new NobodyAuthenticator(),
            new ObjectMapperResolver(), new BodySizeLimit(4096), "test").build(List.of(new RowsResource())));

    @Test
    void aJsonAnswerIsGzippedForAClientThatAcceptsGzipAndReadsTheSame() throws Exception {
        Written plain = get("/rows", null);
        Written compressed = get("/rows", "gzip, deflate, br");

        assertEquals(200, compressed.response.getStatus());
        assertEquals("gzip", compressed.response.getHeaderString("Content-Encoding"));
        assertTrue(compressed.response.getHeaderString("Vary").contains("Accept-Encoding"));
        assertNull(plain.response.getHeaderString("Content-Encoding"), "no Accept-Encoding, no compression");
        assertArrayEquals(plain.body, gunzip(compressed.body));
        assertTrue(compressed.body.length * 4 < plain.body.length,
                compressed.body.length + " bytes compressed of " + plain.body.length);
    }

    @Test
    void aClientThatRefusesGzipGetsPlainJson() throws Exception {
        for (String refusal : List.of("identity", "gzip;q=0", "br")) {
            Written written = get("/rows", refusal);

            assertNull(written.response.getHeaderString("Content-Encoding"), refusal);
            assertTrue(new String(written.body, StandardCharsets.UTF_8).startsWith("[{\"id\":0"), refusal);
        }
    }

    @Test
    void problemDetailsAreGzippedToo() throws Exception {
        Written written = get("/rows/missing", "gzip");

        assertEquals(404, written.response.getStatus());
        assertEquals("gzip", written.response.getHeaderString("Content-Encoding"));
        assertTrue(new String(gunzip(written.body), StandardCharsets.UTF_8).contains("No row 7"));
    }

    @Test
    void audioIsNeverCompressed() throws Exception {
        Written written = get("/rows/audio", "gzip");

        assertEquals(200, written.response.getStatus());
        assertFalse(written.response.getHeaders().containsKey("Content-Encoding"));
        assertTrue(new String(written.body, StandardCharsets.US_ASCII).startsWith("fLaC"));
    }

    @Test
    void acceptEncodingIsReadWithItsQualities() {
        assertTrue(JsonCompression.acceptsGzip("gzip"));
        assertTrue(JsonCompression.acceptsGzip("br;q=1.0, gzip;q=0.8, *;q=0.1"));
        assertTrue(JsonCompression.acceptsGzip("*"));
        assertFalse(JsonCompression.acceptsGzip("gzip;q=0, deflate"));
        assertFalse(JsonCompression.acceptsGzip(null));
    }

    private Written get(String path, String acceptEncoding) throws Exception {
        ContainerRequest request = new ContainerRequest(URI.create("http://localhost/"),
                URI.create("http://localhost" + path), "GET", null, new MapPropertiesDelegate(), null);
        if (acceptEncoding != null) {
            request.getHeaders().add("Accept-Encoding", acceptEncoding);
        }
        request.setEntityStream(new ByteArrayInputStream(new byte[0]));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ContainerResponse response = api.apply(request, body).get();
        return new Written(response, body.toByteArray());
    }

    private static byte[] gunzip(byte[] compressed) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }

    private record Written(ContainerResponse response, byte[] body) {
    }
}
