package org.deckhand.distribution;

import static org.deckhand.distribution.DeckhandProcess.eventually;
import static org.deckhand.distribution.TrackSearch.allTracks;
import static org.deckhand.distribution.TrackSearch.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server against hostile or careless clients, over real HTTP: oversized JSON bodies (declared and
 * chunked), long lists, malformed numbers in queries and ranges, TRACE, a forged {@code Host} in playlists, a
 * revoked API key's browser session, API key names cut inside a character, a revoke across a restart, and parallel
 * password guesses from one address. Every answer must be a 4xx that says what was wrong, never a 5xx, and the server
 * must serve on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HardeningIT {

    /** The default limit of a JSON request body, 1 MiB. */
    private static final int BODY_LIMIT = 1024 * 1024;
    /** The most tracks a mix seed may list: as many as a plan holds. */
    private static final int MAX_TRACK_IDS = 500;
    private static final String TRACK_FILE = "mma_bvfunk_105_Eb.flac";
    private static final Duration ANALYSIS = Duration.ofMinutes(3);

    @TempDir
    static Path root;

    private Path music;
    private DeckhandProcess server;
    private JsonNode track;

    @BeforeAll
    void start() throws IOException {
        music = Files.createDirectories(root.resolve("music"));
        Files.copy(Corpus.folder().resolve("labelled").resolve(TRACK_FILE), music.resolve(TRACK_FILE));
        server = DeckhandProcess.start(root.resolve("deckhand"), "--music", music.toString());
        server.awaitReady();
        assertTrue(eventually(() -> analysedTrack() != null, ANALYSIS), "the track was not analysed in time: "
                + server.get("/api/v1/analysis/queue").body());
        track = analysedTrack();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void aJsonBodyOverTheLimitIsRefusedWhetherItsLengthIsDeclaredOrChunked() throws IOException {
        byte[] tenMebibytes = trackIdsBody(10 * 1024 * 1024);

        RawHttp.Answer declared = post("/api/v1/mixes", "Content-Length: " + tenMebibytes.length + "\r\n",
                out -> out.write(tenMebibytes));
        RawHttp.Answer chunked = post("/api/v1/mixes", "Transfer-Encoding: chunked\r\n", out -> {
            for (int offset = 0; offset < tenMebibytes.length; offset += 65_536) {
                int size = Math.min(65_536, tenMebibytes.length - offset);
                out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(tenMebibytes, offset, size);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });

        for (RawHttp.Answer answer : List.of(declared, chunked)) {
            assertEquals(413, answer.status(), answer.body());
            assertEquals("application/problem+json", answer.headers().get("content-type"));
            assertTrue(json(answer.body()).path("detail").asText().contains(BODY_LIMIT + " bytes"), answer.body());
        }
        assertEquals(200, server.get("/api/v1/health", null).statusCode());
        HttpResponse<String> mix = server.postJson("/api/v1/mixes", seed());
        assertEquals(201, mix.statusCode(), "a mix within the limits after the refusals: " + mix.body());
        assertEquals(204, server.delete("/api/v1/mixes/" + json(mix.body()).path("id").asText()).statusCode());
    }

    @Test
    @Order(2)
    void aSeedOfMoreTracksThanAMixDrawsOnIsRefusedNamingTheLimit() {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i <= MAX_TRACK_IDS; i++) {
            ids.append(i == 0 ? "" : ",").append('"').append(track.path("id").asText()).append('"');
        }

        HttpResponse<String> refused = server.postJson("/api/v1/mixes", "{\"seed\": {\"trackIds\": [" + ids + "]}}");

        assertEquals(400, refused.statusCode(), refused.body());
        String detail = json(refused.body()).path("detail").asText();
        assertTrue(detail.contains("trackIds lists 1 to " + MAX_TRACK_IDS + " tracks"), detail);
    }

    @Test
    @Order(3)
    void playlistsNameTheServersOwnAddressWhateverHostTheRequestClaims() throws IOException {
        JsonNode mix = json(server.postJson("/api/v1/mixes", seed()).body());
        String id = mix.path("id").asText();
        try {
            for (String kind : List.of("m3u", "pls")) {
                RawHttp.Answer playlist = RawHttp.exchange("127.0.0.1", server.port(), "GET /stream/" + id + "."
                        + kind + "?token=" + mix.path("token").asText() + " HTTP/1.1\r\n"
                        + "Host: attacker.example:8080\r\n", null);

                assertEquals(200, playlist.status(), playlist.body());
                assertTrue(playlist.body().contains("http://127.0.0.1:" + server.port() + "/stream/" + id
                        + ".mp3?token="), playlist.body());
                assertFalse(playlist.body().contains("attacker.example"), playlist.body());
            }
        } finally {
            server.delete("/api/v1/mixes/" + id);
        }
    }

    @Test
    @Order(4)
    void malformedNumbersInAQueryAreBadRequestsThatNameTheParameter() {
        String compatible = "/api/v1/tracks/" + track.path("id").asText() + "/compatible";
        assertEquals(200, server.get(compatible).statusCode(), server.get(compatible).body());

        Map<String, String> parameterOf = new TreeMap<>(Map.of("bpmWindow=NaN", "bpmWindow",
                "bpmWindow=Infinity", "bpmWindow", "bpmWindow=fast", "bpmWindow", "limit=abc", "limit",
                "limit=99999999999", "limit", "limit=1.5", "limit"));
        parameterOf.forEach((query, parameter) -> {
            HttpResponse<String> refused = server.get(compatible + "?" + query);
            assertEquals(400, refused.statusCode(), query + ": " + refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
            assertTrue(json(refused.body()).path("detail").asText().contains(parameter), refused.body());
        });
    }

    @Test
    @Order(5)
    void aRangeWithANumberBeyondAnyFileIsAnsweredAsRfc9110Says() throws IOException {
        String audio = "/api/v1/tracks/" + track.path("id").asText() + "/audio";
        long size = Files.size(music.resolve(TRACK_FILE));
        String huge = "99999999999999999999999";

        HttpResponse<byte[]> pastTheEnd = server.getBytes(audio, "Range", "bytes=" + huge + "-");
        HttpResponse<byte[]> openLast = server.getBytes(audio, "Range", "bytes=0-" + huge);
        HttpResponse<byte[]> longSuffix = server.getBytes(audio, "Range", "bytes=-" + huge);

        assertEquals(416, pastTheEnd.statusCode());
        assertEquals("bytes */" + size, pastTheEnd.headers().firstValue("Content-Range").orElse(""));
        for (HttpResponse<byte[]> whole : List.of(openLast, longSuffix)) {
            assertEquals(206, whole.statusCode());
            assertEquals("bytes 0-" + (size - 1) + "/" + size, whole.headers().firstValue("Content-Range")
                    .orElse(""));
            assertEquals(size, whole.body().length);
        }
    }

    @Test
    @Order(6)
    void traceIsRefusedEverywhereAndEchoesNothing() throws IOException {
        for (String path : List.of("/", "/library", "/stream/nothing.mp3", "/api/v1/health", "/no-such-page")) {
            RawHttp.Answer answer = RawHttp.exchange("127.0.0.1", server.port(), "TRACE " + path + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nAuthorization: " + DeckhandProcess.basic(DeckhandProcess.PASSWORD) + "\r\n"
                    + "Cookie: deckhand_session=secret-session-id\r\n", null);

            assertEquals(405, answer.status(), path + ": " + answer.body());
            assertFalse(answer.body().contains("secret-session-id") || answer.body().contains("Basic "),
                    path + " echoed the request: " + answer.body());
        }
    }

    @Test
    @Order(7)
    void aBrowserSessionEndsWithTheApiKeyThatOpenedIt() {
        JsonNode key = json(server.postJson("/api/v1/keys", "{\"name\": \"tablet\"}").body());
        HttpResponse<String> signIn = server.sendWithHeaders("POST", "/api/v1/session", "Authorization",
                "Bearer " + key.path("token").asText());
        assertEquals(204, signIn.statusCode(), signIn.body());
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertEquals(200, server.sendWithHeaders("GET", "/api/v1/system", "Cookie", cookie).statusCode());

        assertEquals(204, server.delete("/api/v1/keys/" + key.path("id").asText()).statusCode());

        assertEquals(401, server.sendWithHeaders("GET", "/api/v1/system", "Cookie", cookie).statusCode());
        HttpResponse<String> newKey = server.send("POST", "/api/v1/keys", "{\"name\": \"persistence\"}",
                "Content-Type", "application/json", "Cookie", cookie, "X-Requested-With", "deckhand");
        assertEquals(401, newKey.statusCode(), "the revoked key's session created a key: " + newKey.body());
    }

    @Test
    @Order(8)
    void keyNamesCutInsideACharacterAndRevokesSurviveARestart() throws IOException {
        String longName = "a".repeat(99) + "\uD83C\uDFA7 headphones";
        HttpResponse<String> cut = server.postJson("/api/v1/keys", "{\"name\": \"" + longName + "\"}");
        HttpResponse<String> lone = server.postJson("/api/v1/keys", "{\"name\": \"half \\uD83C a character\"}");
        HttpResponse<String> kept = server.postJson("/api/v1/keys", "{\"name\": \"kitchen\"}");
        assertEquals(201, cut.statusCode(), cut.body());
        assertEquals(201, lone.statusCode(), lone.body());
        assertEquals(201, kept.statusCode(), kept.body());
        assertEquals("a".repeat(99) + "\uD83C\uDFA7", json(cut.body()).path("name").asText(),
                "100 code points, the last one a surrogate pair, kept whole");
        assertEquals("half \uFFFD a character", json(lone.body()).path("name").asText());
        JsonNode revoked = json(cut.body());
        assertEquals(204, server.delete("/api/v1/keys/" + revoked.path("id").asText()).statusCode());

        server.close();
        server = DeckhandProcess.startIn(server.home(), server.port(), "--music", music.toString());
        server.awaitReady();

        assertEquals(401, server.get("/api/v1/system", "Bearer " + revoked.path("token").asText()).statusCode(),
                "a revoked key works again after a restart");
        assertEquals(200, server.get("/api/v1/system", "Bearer " + json(kept.body()).path("token").asText())
                .statusCode());
        assertEquals(200, server.get("/api/v1/system", "Bearer " + json(lone.body()).path("token").asText())
                .statusCode());
        assertEquals(201, server.postJson("/api/v1/keys", "{\"name\": \"after the restart\"}").statusCode());
    }

    /**
     * Thirty wrong passwords sent at once from 127.0.0.2: at most the throttle's ten may be checked, the others are
     * refused without their password being hashed; 127.0.0.1 is not held back.
     */
    @Test
    @Order(9)
    void parallelWrongPasswordsFromOneAddressAreCheckedNoMoreOftenThanTheThrottleAllows() throws Exception {
        ExecutorService guessers = Executors.newFixedThreadPool(30);
        List<Future<RawHttp.Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                String guess = DeckhandProcess.basic("guess-" + i);
                answers.add(guessers.submit(() -> RawHttp.exchange("127.0.0.2", server.port(),
                        "GET /api/v1/system HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + guess + "\r\n", null)));
            }
            Map<Integer, Integer> byStatus = new TreeMap<>();
            for (Future<RawHttp.Answer> answer : answers) {
                byStatus.merge(answer.get().status(), 1, Integer::sum);
            }

            assertTrue(byStatus.getOrDefault(401, 0) <= 10, "wrong passwords checked: " + byStatus);
            assertEquals(30, byStatus.getOrDefault(401, 0) + byStatus.getOrDefault(429, 0)
                    + byStatus.getOrDefault(503, 0), "every guess refused with 401, 429 or 503: " + byStatus);
        } finally {
            guessers.shutdownNow();
        }
        assertEquals(200, server.get("/api/v1/system").statusCode(), "127.0.0.1 was held back too");
    }

    private RawHttp.Answer post(String path, String lengthHeader, RawHttp.Body body) throws IOException {
        return RawHttp.exchange("127.0.0.1", server.port(), "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: " + DeckhandProcess.basic(DeckhandProcess.PASSWORD) + "\r\n"
                + "Content-Type: application/json\r\n" + lengthHeader, body);
    }

    /** @return a seed of {@code bytes} bytes that lists the same track over and over */
    private byte[] trackIdsBody(int bytes) {
        String id = "\"" + track.path("id").asText() + "\"";
        StringBuilder body = new StringBuilder(bytes).append("{\"seed\": {\"trackIds\": [").append(id);
        while (body.length() < bytes - id.length() - 4) {
            body.append(',').append(id);
        }
        return body.append("]}}").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private String seed() {
        return "{\"seed\": {\"trackId\": \"" + track.path("id").asText() + "\"}, \"options\": {\"bars\": 4}}";
    }

    private JsonNode analysedTrack() {
        return allTracks(server, "").stream().filter(t -> t.path("analyses").has("tempo")
                && t.path("analyses").has("key") && t.path("analyses").has("beatgrid")).findFirst().orElse(null);
    }
}
