package org.deckhand.distribution;

import static org.deckhand.distribution.DeckhandProcess.eventually;
import static org.deckhand.distribution.TrackSearch.allTracks;
import static org.deckhand.distribution.TrackSearch.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
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
 * A music folder that holds, beside good files, a FLAC whose VORBIS_COMMENT block claims 2^31 comments (made at test
 * time from corpus audio): such a file made the decoder run out of memory and the server exit, and since the saved
 * queue put it first again, the server never came up again. Now the packaged server analyses it, reports its tags as
 * a library problem naming it, and when the server is killed with SIGKILL in the middle of that file's analysis, the
 * next start comes up ready, quarantines the file instead of analysing it first, and analyses it again only when
 * asked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileFileIT {

    private static final List<String> BUILT_IN = List.of("beatgrid", "energy", "fingerprint", "key", "loudness",
            "tempo", "waveform");
    private static final Duration ANALYSIS = Duration.ofMinutes(5);
    private static final String HOSTILE = "hostile-comments.flac";
    /** Copies of a 45 s corpus excerpt in the hostile file: long enough to be caught in the middle of its analysis. */
    private static final int LOOPS = 12;
    private static final String QUARANTINED = "analysis stopped the server last time";

    @TempDir
    static Path root;

    private Path music;
    private Path home;
    private DeckhandProcess server;

    @BeforeAll
    void start() throws IOException, InterruptedException {
        Path corpus = Corpus.folder();
        music = Files.createDirectories(root.resolve("music"));
        List<Path> labelled;
        try (Stream<Path> files = Files.list(corpus.resolve("labelled"))) {
            labelled = files.filter(f -> f.toString().endsWith(".flac")).sorted().limit(4).toList();
        }
        for (Path good : labelled.subList(1, 4)) {
            Files.copy(good, music.resolve(good.getFileName()));
        }
        Path hostile = music.resolve(HOSTILE);
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-nostdin", "-stream_loop",
                Integer.toString(LOOPS - 1), "-i", labelled.get(0).toString(), "-c:a", "flac", "-compression_level",
                "0", root.resolve(HOSTILE).toString()).inheritIO().start();
        assertTrue(ffmpeg.waitFor(2, TimeUnit.MINUTES) && ffmpeg.exitValue() == 0, "ffmpeg did not encode the file");
        Files.write(hostile, claimingTwoBillionComments(Files.readAllBytes(root.resolve(HOSTILE))));
        home = root.resolve("deckhand");
        server = DeckhandProcess.start(home, "--music", music.toString());
        server.awaitReady();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void aKillInTheMiddleOfTheHostileFilesAnalysisLeavesANextStartThatComesUpAndDoesNotAnalyseItFirst()
            throws IOException, InterruptedException {
        assertTrue(eventually(() -> hostileRunning(1.0), ANALYSIS),
                "the hostile file was never analysed; the server printed:\n" + server.output());

        server.process().destroyForcibly().waitFor();
        server = DeckhandProcess.startIn(home, DeckhandProcess.freePort(), "--music", music.toString());
        server.awaitReady();

        assertTrue(server.output().lines().anyMatch(line -> line.contains(HOSTILE)
                && line.contains("stopped the server last time")), server.output());
        List<Boolean> hostileSeenRunning = new ArrayList<>();
        assertTrue(eventually(() -> {
            hostileSeenRunning.add(hostileRunning(0));
            return queue().path("queued").asInt() == 0 && queue().path("running").isEmpty()
                    && good().stream().allMatch(track -> runs(track).size() == BUILT_IN.size());
        }, ANALYSIS), "the good files were not analysed:\n" + queue().toPrettyString());
        assertFalse(hostileSeenRunning.contains(true), "the quarantined file was analysed again");
        for (JsonNode track : good()) {
            assertEquals(BUILT_IN, List.copyOf(runs(track).keySet()), track.path("file").path("path").asText());
            runs(track).forEach((analyser, failure) -> assertEquals("", failure, analyser));
        }
        Map<String, String> hostileRuns = runs(hostile());
        assertEquals(BUILT_IN, List.copyOf(hostileRuns.keySet()));
        hostileRuns.values().forEach(failure -> assertTrue(failure.startsWith(QUARANTINED), failure));
        assertTrue(failures().stream().anyMatch(f -> f.path("path").asText().endsWith(HOSTILE)
                && f.path("run").path("failure").asText().startsWith(QUARANTINED)), queue().toPrettyString());
    }

    @Test
    @Order(2)
    void theHostileFilesTagsAreALibraryProblemNamingTheFileAndTheClaim() {
        JsonNode problems = json(server.get("/api/v1/library/problems").body());
        assertTrue(toList(problems).stream().anyMatch(p -> p.path("path").asText()
                .endsWith(HOSTILE) && p.path("reason").asText().contains("VORBIS_COMMENT")
                && p.path("reason").asText().contains("claims 2147483647 comments")), problems.toPrettyString());
    }

    @Test
    @Order(3)
    void aCleanRestartKeepsTheFileQuarantined() throws IOException {
        server.close();
        server = DeckhandProcess.startIn(home, DeckhandProcess.freePort(), "--music", music.toString());
        server.awaitReady();

        assertTrue(eventually(() -> queue().path("analysers").size() == BUILT_IN.size(), Duration.ofSeconds(30)));
        JsonNode queue = queue();
        assertEquals(0, queue.path("queued").asInt(), queue.toPrettyString());
        assertTrue(queue.path("running").isEmpty(), queue.toPrettyString());
        runs(hostile()).values().forEach(failure -> assertTrue(failure.startsWith(QUARANTINED), failure));
    }

    @Test
    @Order(4)
    void theUsersRequestAnalysesTheQuarantinedFile() {
        long id = hostile().path("id").asLong();

        assertEquals(202, server.postJson("/api/v1/tracks/" + id + "/analyse", "").statusCode());

        assertTrue(eventually(() -> runs(hostile()).values().stream().allMatch(String::isEmpty)
                && runs(hostile()).size() == BUILT_IN.size(), ANALYSIS), queue().toPrettyString());
        double bpm = hostile().path("analyses").path("tempo").path("values").path("bpm").asDouble();
        assertTrue(bpm >= 40 && bpm <= 250, "tempo " + bpm);
        double duration = hostile().path("audio").path("durationSeconds").asDouble();
        assertEquals(LOOPS * 45.0, duration, 1.0, "the whole file's audio");
    }

    /** @return the file with its VORBIS_COMMENT block's comment count rewritten to 2^31 - 1 */
    private static byte[] claimingTwoBillionComments(byte[] flac) {
        for (int at = 4; ; ) {
            int length = (flac[at + 1] & 0xFF) << 16 | (flac[at + 2] & 0xFF) << 8 | flac[at + 3] & 0xFF;
            if ((flac[at] & 0x7F) == 4) {
                int vendor = ByteBuffer.wrap(flac, at + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                ByteBuffer.wrap(flac, at + 8 + vendor, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(0x7FFF_FFFF);
                return flac;
            }
            if ((flac[at] & 0x80) != 0) {
                throw new IllegalStateException("ffmpeg wrote no VORBIS_COMMENT block");
            }
            at += 4 + length;
        }
    }

    /** @return whether the hostile file is being analysed, with at least that much of it decoded */
    private boolean hostileRunning(double decodedSeconds) {
        for (JsonNode running : queue().path("running")) {
            if (running.path("path").asText().endsWith(HOSTILE)
                    && running.path("decodedSeconds").asDouble() >= decodedSeconds) {
                return true;
            }
        }
        return false;
    }

    private JsonNode hostile() {
        return allTracks(server, "").stream().filter(t -> t.path("file").path("path").asText().endsWith(HOSTILE))
                .findFirst().orElseThrow(() -> new AssertionError("no track for " + HOSTILE));
    }

    private List<JsonNode> good() {
        return allTracks(server, "").stream().filter(t -> !t.path("file").path("path").asText().endsWith(HOSTILE))
                .toList();
    }

    private JsonNode queue() {
        return json(server.get("/api/v1/analysis/queue").body());
    }

    private List<JsonNode> failures() {
        return toList(queue().path("failures"));
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    /** @return each analyser's failure on the track, empty for a success, by analyser id */
    private Map<String, String> runs(JsonNode track) {
        Map<String, String> runs = new TreeMap<>();
        json(server.get("/api/v1/tracks/" + track.path("id").asLong() + "/analysis").body()).path("runs")
                .forEach(run -> runs.put(run.path("analyserId").asText(), run.path("failure").asText("")));
        return runs;
    }
}
