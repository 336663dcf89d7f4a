package org.deckhand.distribution;

import static org.deckhand.distribution.DeckhandProcess.eventually;
import static org.deckhand.distribution.TrackSearch.allTracks;
import static org.deckhand.distribution.TrackSearch.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tag write-back and a SIGKILL: the server is killed just after a file's tags were written (its copy renamed over it)
 * and before the watcher took the change in. The next start takes the change in as Deckhand's own, so that the file
 * is not analysed again, and leaves no hidden copy in the music folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteBackCrashIT {

    private static final Duration ANALYSIS = Duration.ofMinutes(5);
    private static final int FILES = 3;

    @TempDir
    static Path root;

    private Path music;
    private Path home;
    private DeckhandProcess server;

    @BeforeAll
    void start() throws IOException {
        music = Files.createDirectories(root.resolve("music"));
        try (Stream<Path> labelled = Files.list(Corpus.folder().resolve("labelled"))) {
            for (Path file : labelled.filter(f -> f.toString().endsWith(".flac")).sorted().limit(FILES).toList()) {
                Files.copy(file, music.resolve(file.getFileName()));
            }
        }
        home = root.resolve("deckhand");
        server = DeckhandProcess.start(home, "--music", music.toString());
        // A minute's settle time keeps the watcher from taking in the replaced file before the kill.
        Files.writeString(home.resolve("config/org.deckhand.watcher.cfg"), "settleSeconds=60\n");
        server.awaitReady();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aFileReplacedJustBeforeAKillIsNotAnalysedAgainAndNoCopyIsLeft() throws Exception {
        assertTrue(eventually(() -> tracks().size() == FILES && queue().path("queued").asInt() == 0
                && queue().path("running").isEmpty()
                && tracks().stream().allMatch(t -> runCount(t) == queue().path("analysers").size()),
                ANALYSIS), "the library was not analysed: " + server.output());
        Map<Long, String> runsBefore = new HashMap<>();
        Map<Path, Long> sizesBefore = new HashMap<>();
        for (JsonNode track : tracks()) {
            runsBefore.put(track.path("id").asLong(), runs(track));
            Path file = Path.of(track.path("file").path("path").asText());
            sizesBefore.put(file, Files.size(file));
        }

        Files.writeString(home.resolve("config/org.deckhand.writeback.cfg"), "enabled=true\n");
        assertTrue(eventually(() -> sizesBefore.entrySet().stream().anyMatch(e -> size(e.getKey()) != e.getValue()),
                ANALYSIS), "no file's tags were written: " + server.output());
        server.process().destroyForcibly().waitFor();

        Files.writeString(home.resolve("config/org.deckhand.watcher.cfg"), "settleSeconds=0\n");
        server = DeckhandProcess.startIn(home, DeckhandProcess.freePort(), "--music", music.toString());
        server.awaitReady();

        assertTrue(eventually(() -> tracks().stream().allMatch(t -> t.path("tags").path("bpm").isNumber())
                && queue().path("queued").asInt() == 0 && queue().path("running").isEmpty(), ANALYSIS),
                "the files' tags were not all written: " + queue().toPrettyString() + server.output());
        for (JsonNode track : tracks()) {
            Path file = Path.of(track.path("file").path("path").asText());
            assertEquals(runsBefore.get(track.path("id").asLong()), runs(track), file + " was analysed again");
            assertEquals(Files.size(file), track.path("file").path("sizeBytes").asLong(), file.toString());
        }
        try (Stream<Path> left = Files.walk(music)) {
            assertEquals(List.of(), left.filter(f -> f.getFileName().toString().startsWith(".")).toList());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<JsonNode> tracks() {
        return allTracks(server, "");
    }

    private JsonNode queue() {
        return json(server.get("/api/v1/analysis/queue").body());
    }

    private int runCount(JsonNode track) {
        return json(server.get("/api/v1/tracks/" + track.path("id").asLong() + "/analysis").body()).path("runs")
                .size();
    }

    /** @return the track's analyser runs as the API gives them, finishing times included */
    private String runs(JsonNode track) {
        return json(server.get("/api/v1/tracks/" + track.path("id").asLong() + "/analysis").body()).path("runs")
                .toString();
    }
}
