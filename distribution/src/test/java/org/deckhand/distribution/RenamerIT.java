package org.deckhand.distribution;

import static org.deckhand.distribution.DeckhandProcess.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server, with its default heap, renames real corpus files over REST: the preview touches nothing, the
 * batch puts every file at the path the preview showed with the same bytes (SHA-256), each track keeps its id and its
 * analysis and nothing is analysed again, the album's cover art follows its folder, and the undo brings back the old
 * tree exactly; the console's page does the same in Chromium ({@code web-admin/frontend/e2e/renamer.spec.ts}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RenamerIT {

    private static final Duration ANALYSIS = Duration.ofMinutes(10);
    private static final Duration BATCH = Duration.ofMinutes(2);
    private static final String RULE = "{\"paths\": [\"default: $albumartist/$format/$track - $artist - $title\"]}";

    @TempDir
    static Path root;

    private Path music;
    private DeckhandProcess server;
    private Map<String, String> treeBefore;
    private Map<Long, String> pathsBefore;
    private Map<Long, String> analysesBefore;
    private Map<String, String> planned;
    private long batchId;

    @BeforeAll
    void start() throws IOException {
        Path corpus = Corpus.folder();
        music = Files.createDirectories(root.resolve("music"));
        for (String format : List.of("mp3-vbr", "opus")) {
            Path folder = Files.createDirectories(music.resolve(format));
            try (Stream<Path> files = Files.list(corpus.resolve("real-formats").resolve(format))) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    Files.copy(file, folder.resolve(file.getFileName().toString()));
                }
            }
        }
        Files.write(music.resolve("mp3-vbr/cover.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x42});
        treeBefore = tree();
        server = DeckhandProcess.start(root.resolve("deckhand"), "--music", music.toString());
        server.awaitReady();
        long audioFiles = treeBefore.keySet().stream().filter(p -> !p.endsWith(".jpg")).count();
        assertTrue(eventually(() -> answers(() -> stats().path("tracks").asLong() == audioFiles && queued() == 0
                && analysed()), ANALYSIS),
                "the library was not scanned and analysed: " + server.get("/api/v1/analysis/queue").body());
        pathsBefore = new HashMap<>();
        analysesBefore = new HashMap<>();
        for (JsonNode track : tracks()) {
            long id = track.path("id").asLong();
            pathsBefore.put(id, track.path("file").path("path").asText());
            analysesBefore.put(id, analysisRuns(id));
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void thePreviewShowsEveryMovePageByPageAndTouchesNothing() throws IOException {
        planned = new TreeMap<>();
        JsonNode first = null;
        for (int offset = 0; ; offset += 5) {
            HttpResponse<String> response = server.postJson("/api/v1/renamer/preview?offset=" + offset + "&limit=5",
                    RULE);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode page = json(response.body());
            first = first == null ? page : first;
            if (page.path("items").isEmpty()) {
                break;
            }
            page.path("items").forEach(item -> planned.put(item.path("from").asText(), item.path("to").asText()));
        }
        assertEquals(pathsBefore.size(), first.path("considered").asLong(), first.toPrettyString());
        assertEquals(pathsBefore.size() + 1, first.path("moves").asLong(), "every track and the cover art");
        assertEquals(0, first.path("errors").asLong(), first.toPrettyString());
        assertEquals(first.path("moves").asLong(), planned.size());
        assertEquals(music.resolve("Various Test Artists/MP3/cover.jpg").toString(),
                planned.get(music.resolve("mp3-vbr/cover.jpg").toString()));
        assertEquals(music.resolve("Various Test Artists/OPUS/07 - Дмитрий Тестов - Песня без слов.opus").toString(),
                planned.get(music.resolve("opus/07 - Дмитрий Тестов - Песня без слов.opus").toString()));
        assertEquals(treeBefore, tree(), "a preview moves nothing");

        HttpResponse<String> malformed = server.postJson("/api/v1/renamer/preview",
                "{\"paths\": [\"default: $artist/%upper{$title\"]}");
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertTrue(malformed.body().contains("character 9"), malformed.body());
        String openApi = server.get("/api/v1/openapi.json").body();
        assertTrue(openApi.contains("/renamer/preview") && openApi.contains("/renamer/batches/{id}/undo"),
                "the renamer's resources are in the OpenAPI document");
    }

    @Test
    @Order(2)
    void theBatchPutsEveryFileWhereThePreviewSaidWithItsBytesIdAndAnalysisKept() throws IOException {
        HttpResponse<String> created = server.postJson("/api/v1/renamer/batches", RULE);
        assertEquals(202, created.statusCode(), created.body());
        batchId = json(created.body()).path("id").asLong();
        JsonNode batch = awaitStatus("COMPLETED");
        assertEquals(planned.size(), batch.path("done").asLong(), batch.toPrettyString());
        assertEquals(0, batch.path("failed").asLong(), batch.toPrettyString());

        Map<String, String> after = tree();
        assertEquals(treeBefore.size(), after.size(), "no file gained or lost: " + after.keySet());
        planned.forEach((from, to) -> {
            assertFalse(Files.exists(Path.of(from)), from + " is still there");
            assertEquals(treeBefore.get(relative(from)), after.get(relative(to)), to + " has other bytes");
        });
        assertFalse(Files.exists(music.resolve("mp3-vbr")), "the emptied folder is removed");

        List<JsonNode> tracks = tracks();
        assertEquals(pathsBefore.size(), tracks.size());
        for (JsonNode track : tracks) {
            long id = track.path("id").asLong();
            assertEquals(planned.get(pathsBefore.get(id)), track.path("file").path("path").asText(),
                    "track " + id + " keeps its id at its new path");
            assertEquals(analysesBefore.get(id), analysisRuns(id), "track " + id + " is not analysed again");
        }
        assertFalse(eventually(() -> queued() > 0, Duration.ofSeconds(5)), "the moves queued analysis");
    }

    @Test
    @Order(3)
    void theUndoBringsBackTheOldTreeExactly() throws IOException {
        HttpResponse<String> undo = server.postJson("/api/v1/renamer/batches/" + batchId + "/undo", "");
        assertEquals(202, undo.statusCode(), undo.body());
        JsonNode batch = awaitStatus("UNDONE");
        assertEquals(planned.size(), batch.path("undone").asLong(), batch.toPrettyString());

        assertEquals(treeBefore, tree());
        for (JsonNode track : tracks()) {
            long id = track.path("id").asLong();
            assertEquals(pathsBefore.get(id), track.path("file").path("path").asText());
            assertEquals(analysesBefore.get(id), analysisRuns(id));
        }
        assertEquals(409, server.postJson("/api/v1/renamer/batches/" + batchId + "/undo", "").statusCode());
    }

    @Test
    @Order(4)
    void theConsolePageShowsTheFaultPreviewsAppliesAndUndoesOnADesktopAndAPhone()
            throws IOException, InterruptedException {
        ConsoleBrowser browser = ConsoleBrowser.find();
        ConsoleBrowser.Run run = browser.run("e2e/renamer.spec.ts", Map.of(
                "DECKHAND_URL", "http://127.0.0.1:" + server.port(),
                "DECKHAND_PASSWORD", DeckhandProcess.PASSWORD,
                "DECKHAND_E2E_TRACKS", Integer.toString(pathsBefore.size()),
                "DECKHAND_E2E_MUSIC", music.toString()));
        assertEquals(0, run.exitStatus(), "the renamer page's browser tests failed:\n" + run.output()
                + "\nserver output:\n" + server.output());
        assertEquals(treeBefore, tree(), "the page's batch, undone, leaves the tree as it was");
        for (JsonNode track : tracks()) {
            assertEquals(analysesBefore.get(track.path("id").asLong()), analysisRuns(track.path("id").asLong()));
        }
    }

    private JsonNode awaitStatus(String status) {
        JsonNode[] last = new JsonNode[1];
        boolean reached = eventually(() -> {
            last[0] = json(server.get("/api/v1/renamer/batches/" + batchId).body());
            return last[0].path("status").asText().equals(status);
        }, BATCH);
        assertTrue(reached, "batch " + batchId + " is not " + status + ": " + last[0]);
        return last[0];
    }

    /** @return every file under the music folder, by its path relative to it, with its SHA-256 */
    private Map<String, String> tree() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(music)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(music.relativize(file).toString(), sha256(file));
            }
        }
        return files;
    }

    private String relative(String path) {
        return music.relativize(Path.of(path)).toString();
    }

    private static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the condition, or false while the server, busy analysing, lets a request time out */
    private static boolean answers(java.util.function.BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private JsonNode stats() {
        return json(server.get("/api/v1/library/stats").body());
    }

    private boolean analysed() {
        return tracks().stream().allMatch(t -> json(server.get("/api/v1/tracks/" + t.path("id").asLong()
                + "/analysis").body()).path("runs").size() > 0);
    }

    private String analysisRuns(long trackId) {
        return json(server.get("/api/v1/tracks/" + trackId + "/analysis").body()).path("runs").toString();
    }

    private int queued() {
        return json(server.get("/api/v1/analysis/queue").body()).path("queued").asInt();
    }

    private List<JsonNode> tracks() {
        return TrackSearch.allTracks(server, "");
    }

    private static JsonNode json(String body) {
        return TrackSearch.json(body);
    }
}
