package org.deckhand.distribution;

import static org.deckhand.distribution.DeckhandProcess.eventually;
import static org.deckhand.distribution.TrackSearch.allTracks;
import static org.deckhand.distribution.TrackSearch.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restart loop: an analyser plugin runs the packaged server out of memory on one file, and the server exits, as
 * {@code bin/deckhand} has it do ({@code -XX:+ExitOnOutOfMemoryError}). Started again, as systemd does, the server
 * must come up and stay up: the file that stopped it is quarantined, not analysed first again, and the other files
 * get the plugin's results.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashLoopIT {

    private static final Duration ANALYSIS = Duration.ofMinutes(5);
    private static final String TRIGGER = "exhausts-memory.flac";
    private static final String ANALYSER = "exhausting.memory";

    @TempDir
    static Path root;

    private Path music;
    private Path home;
    private DeckhandProcess server;

    @BeforeAll
    void start() throws IOException {
        music = Files.createDirectories(root.resolve("music"));
        try (Stream<Path> labelled = Files.list(Corpus.folder().resolve("labelled"))) {
            List<Path> files = labelled.filter(f -> f.toString().endsWith(".flac")).sorted().limit(4).toList();
            for (Path good : files.subList(1, 4)) {
                Files.copy(good, music.resolve(good.getFileName()));
            }
            Files.copy(files.get(0), music.resolve(TRIGGER));
        }
        home = root.resolve("deckhand");
        server = DeckhandProcess.start(home, "--music", music.toString());
        Files.writeString(home.resolve("config/org.deckhand.analysis.cfg"), "workers=1\n");
        server.awaitReady();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aFileWhoseAnalysisRanTheServerOutOfMemoryIsQuarantinedAndTheNextStartStaysUp() throws Exception {
        assertTrue(eventually(() -> tracks().size() == 4 && queue().path("queued").asInt() == 0
                && queue().path("running").isEmpty(), ANALYSIS), "the library was not analysed: " + server.output());

        Files.copy(Path.of(System.getProperty("deckhand.plugin.exhausting")), home.resolve("plugins/exhausting.jar"));

        assertTrue(server.process().waitFor(ANALYSIS.toSeconds(), TimeUnit.SECONDS), "the plugin did not stop it");
        assertNotEquals(0, server.process().exitValue());
        assertTrue(server.output().contains("OutOfMemoryError"), server.output());

        server = DeckhandProcess.startIn(home, DeckhandProcess.freePort(), "--music", music.toString());
        server.awaitReady();

        assertTrue(eventually(() -> good().stream().allMatch(track -> runs(track).containsKey(ANALYSER))
                && queue().path("queued").asInt() == 0 && queue().path("running").isEmpty(), ANALYSIS),
                "the plugin did not run over the other files: " + queue().toPrettyString() + server.output());
        assertTrue(server.process().isAlive(), server.output());
        for (JsonNode track : good()) {
            assertEquals("", runs(track).get(ANALYSER), track.path("file").path("path").asText());
        }
        Map<String, String> runs = runs(trigger());
        assertTrue(runs.get(ANALYSER).startsWith("analysis stopped the server last time"), runs.toString());
        runs.forEach((analyser, failure) -> assertTrue(analyser.equals(ANALYSER) || failure.isEmpty(),
                "the built-in analysers' results of the file are kept: " + runs));
        assertTrue(server.output().lines().anyMatch(line -> line.contains(TRIGGER)
                && line.contains("stopped the server last time")), server.output());
    }

    private List<JsonNode> tracks() {
        return allTracks(server, "");
    }

    private JsonNode trigger() {
        return tracks().stream().filter(t -> t.path("file").path("path").asText().endsWith(TRIGGER)).findFirst()
                .orElseThrow();
    }

    private List<JsonNode> good() {
        return tracks().stream().filter(t -> !t.path("file").path("path").asText().endsWith(TRIGGER)).toList();
    }

    private JsonNode queue() {
        return json(server.get("/api/v1/analysis/queue").body());
    }

    /** @return each analyser's failure on the track, empty for a success, by analyser id */
    private Map<String, String> runs(JsonNode track) {
        Map<String, String> runs = new TreeMap<>();
        json(server.get("/api/v1/tracks/" + track.path("id").asLong() + "/analysis").body()).path("runs")
                .forEach(run -> runs.put(run.path("analyserId").asText(), run.path("failure").asText("")));
        return runs;
    }
}
