package org.deckhand.distribution;

import static org.deckhand.distribution.DeckhandProcess.eventually;
import static org.deckhand.distribution.TrackSearch.allTracks;
import static org.deckhand.distribution.TrackSearch.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.deckhand.api.music.CamelotKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server analyses a real library: every track gets each built-in analyser's result, duplicates are
 * found by the SHA-256 taken while decoding, BPM search and compatible tracks follow the analysis, and plugins
 * dropped in while it runs, a good one and two that throw or hang, are run over the whole library without stopping
 * the others; tag write-back, switched on, puts BPM and key into the files without analysing them again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalysisIT {

    private static final List<String> BUILT_IN = List.of("beatgrid", "energy", "fingerprint", "key", "loudness",
            "tempo", "waveform");
    /** The analysers of the two plugins the tests drop in: example.zcr, misbehaving.throw and misbehaving.hang. */
    private static final int PLUGIN_ANALYSERS = 3;
    private static final Duration ANALYSIS = Duration.ofMinutes(10);

    @TempDir
    static Path root;

    private Path music;
    private DeckhandProcess server;

    @BeforeAll
    void start() throws IOException {
        Path corpus = Corpus.folder();
        music = Files.createDirectories(root.resolve("music"));
        try (Stream<Path> labelled = Files.list(corpus.resolve("labelled"))) {
            for (Path file : labelled.filter(f -> f.toString().endsWith(".flac")).sorted().limit(12).toList()) {
                Files.copy(file, music.resolve(file.getFileName()));
            }
        }
        for (String format : List.of("mp3-vbr", "m4a-aac", "opus")) {
            try (Stream<Path> files = Files.list(corpus.resolve("real-formats").resolve(format))) {
                Path first = files.sorted().findFirst().orElseThrow();
                Files.copy(first, music.resolve(format + "-" + first.getFileName()));
            }
        }
        try (Stream<Path> flacs = Files.list(music)) {
            Path original = flacs.filter(f -> f.toString().endsWith(".flac")).sorted().findFirst().orElseThrow();
            Files.copy(original, Files.createDirectories(music.resolve("copies")).resolve(original.getFileName()));
        }
        server = DeckhandProcess.start(root.resolve("deckhand"), "--music", music.toString());
        Files.writeString(server.home().resolve("config/org.deckhand.analysis.cfg"), "callTimeoutSeconds=2\n");
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
    void everyTrackGetsEachBuiltInAnalysersResult() {
        assertTrue(eventually(() -> queue().path("queued").asInt() == 0 && tracks().size() == 16, ANALYSIS),
                "the analysis queue did not empty:\n" + queue().toPrettyString());
        for (JsonNode track : tracks()) {
            Map<String, String> failures = runs(track.path("id").asLong());
            assertEquals(BUILT_IN, List.copyOf(new TreeSet<>(failures.keySet())), track.path("file").toString());
            failures.forEach((analyser, failure) -> assertEquals("", failure,
                    analyser + " failed on " + track.path("file").path("path").asText()));
            JsonNode analyses = track.path("analyses");
            double bpm = analyses.path("tempo").path("values").path("bpm").asDouble();
            assertTrue(bpm >= 40 && bpm <= 250, "tempo of " + track.path("file").path("path") + ": " + bpm);
            assertTrue(analyses.path("loudness").path("values").path("integratedLufs").asDouble() < 0);
        }
    }

    @Test
    @Order(2)
    void duplicatesAreFoundByTheDigestTakenWhileDecoding() {
        JsonNode stats = json(server.get("/api/v1/library/stats").body());
        assertEquals(1, stats.path("duplicateGroups").asInt(), stats.toPrettyString());
        Set<String> digests = new TreeSet<>();
        tracks().forEach(track -> digests.add(track.path("file").path("sha256").asText()));
        assertEquals(15, digests.size(), "16 files, two of them identical");
    }

    @Test
    @Order(3)
    void aBpmSearchFindsExactlyTheTracksAnalysedInThatRange() {
        Set<Long> expected = new TreeSet<>();
        for (JsonNode track : tracks()) {
            double bpm = track.path("analyses").path("tempo").path("values").path("bpm").asDouble();
            if (bpm >= 100 && bpm <= 130) {
                expected.add(track.path("id").asLong());
            }
        }
        Set<Long> found = new TreeSet<>();
        allTracks(server, "bpm:100..130").forEach(track -> found.add(track.path("id").asLong()));
        assertFalse(expected.isEmpty());
        assertEquals(expected, found);
    }

    @Test
    @Order(4)
    void compatibleTracksAreHarmonicNeighboursWithinTheBpmWindow() {
        int found = 0;
        for (JsonNode track : tracks()) {
            HttpResponse<String> response = server.get("/api/v1/tracks/" + track.path("id").asLong()
                    + "/compatible?bpmWindow=20");
            assertEquals(200, response.statusCode(), response.body());
            for (JsonNode compatible : json(response.body())) {
                JsonNode rating = compatible.path("rating");
                assertTrue(Set.of("SAME", "ADJACENT", "RELATIVE", "null").contains(rating.path("keyRelation")
                        .asText()), rating.toString());
                assertTrue(Math.abs(rating.path("bpmDifferencePercent").asDouble()) <= 20, rating.toString());
                found++;
            }
        }
        assertTrue(found > 0, "no track has a compatible track");
    }

    @Test
    @Order(5)
    void everyTrackHasAWaveformOverviewAsJsonAndInBinary() {
        for (JsonNode track : tracks()) {
            String path = "/api/v1/tracks/" + track.path("id").asLong() + "/waveform";
            JsonNode waveform = json(server.get(path).body());
            int points = waveform.path("points").asInt();
            double duration = track.path("audio").path("durationSeconds").asDouble();
            assertTrue(points >= 500 && points <= 2000, path + ": " + points + " points");
            assertEquals(duration, waveform.path("durationSeconds").asDouble(), 0.5, path);
            assertEquals(duration, points * waveform.path("pointSeconds").asDouble(), 0.5, path);
            double loudestPeak = 0;
            for (JsonNode channel : waveform.path("channels")) {
                for (int point = 0; point < points; point++) {
                    double min = channel.path("min").path(point).asDouble();
                    double max = channel.path("max").path(point).asDouble();
                    assertTrue(-1 <= min && min <= max && max <= 1, path + " point " + point);
                    loudestPeak = Math.max(loudestPeak, max);
                }
            }
            assertTrue(loudestPeak > 0.1, path + " is flat: its loudest peak is " + loudestPeak);
            assertEquals(points, waveform.path("low").size());

            HttpResponse<byte[]> binary = server.getBytes(path, "Accept", "application/octet-stream");
            assertEquals(200, binary.statusCode());
            assertEquals(10 + points * (2 * waveform.path("channels").size() + 3), binary.body().length, path);
        }
        assertEquals(404, server.get("/api/v1/tracks/999999/waveform").statusCode());
    }

    @Test
    @Order(6)
    void pluginsDroppedInRunOverTheWholeLibraryAndMisbehavingOnesFailAlone() throws IOException {
        Path plugins = server.home().resolve("plugins");
        Files.copy(Path.of(System.getProperty("deckhand.plugin.example")), plugins.resolve("example.jar"));
        Files.copy(Path.of(System.getProperty("deckhand.plugin.misbehaving")), plugins.resolve("misbehaving.jar"));

        assertTrue(eventually(() -> tracks().stream()
                .allMatch(t -> runs(t.path("id").asLong()).size() == BUILT_IN.size() + PLUGIN_ANALYSERS),
                ANALYSIS), "the plugins did not run over every track:\n" + queue().toPrettyString());
        for (JsonNode track : tracks()) {
            Map<String, String> runs = runs(track.path("id").asLong());
            assertEquals("", runs.get("example.zcr"));
            assertTrue(runs.get("misbehaving.throw").contains("misbehaving.throw cannot count"), runs.toString());
            assertTrue(runs.get("misbehaving.hang").contains("did not return within 2 s"), runs.toString());
        }
        assertEquals(16, allTracks(server, "example.zcr.zeroCrossingRate:>0").size());
    }

    @Test
    @Order(7)
    void aTrackAskedForIsAnalysedAgain() {
        long id = tracks().get(0).path("id").asLong();
        String before = json(server.get("/api/v1/tracks/" + id + "/analysis").body()).path("runs").toString();

        HttpResponse<String> response = server.postJson("/api/v1/tracks/" + id + "/analyse", "");

        assertEquals(202, response.statusCode(), response.body());
        assertTrue(eventually(() -> {
            JsonNode analysis = json(server.get("/api/v1/tracks/" + id + "/analysis").body());
            return analysis.path("runs").size() == BUILT_IN.size() + PLUGIN_ANALYSERS
                    && !analysis.path("runs").toString().equals(before);
        }, ANALYSIS));
    }

    @Test
    @Order(8)
    void tagWriteBackPutsBpmAndKeyIntoTheFilesWithoutTouchingTheAudioOrAnalysingAgain() throws IOException {
        assertTrue(eventually(() -> queue().path("queued").asInt() == 0, ANALYSIS));
        Map<Long, String> runsBefore = new HashMap<>();
        tracks().forEach(t -> runsBefore.put(t.path("id").asLong(), analysisRuns(t.path("id").asLong())));

        Files.writeString(server.home().resolve("config/org.deckhand.writeback.cfg"), "enabled=true\n");

        assertTrue(eventually(() -> tracks().stream().filter(AnalysisIT::writable)
                .allMatch(t -> t.path("tags").path("bpm").isNumber()), ANALYSIS),
                "the files' tags did not take the BPM");
        for (JsonNode track : tracks()) {
            Path file = Path.of(track.path("file").path("path").asText());
            String name = file.getFileName().toString();
            JsonNode tags = track.path("tags");
            JsonNode analyses = track.path("analyses");
            if (!writable(track)) {
                assertTrue(tags.path("bpm").isMissingNode() || tags.path("bpm").isNull(), name + ": " + tags);
                continue;
            }
            assertEquals(analyses.path("tempo").path("values").path("bpm").asDouble(), tags.path("bpm").asDouble(),
                    0.5, name + ": ID3 and MP4 hold whole BPM");
            String camelot = analyses.path("key").path("values").path("camelot").asText("");
            if (!camelot.isEmpty()) {
                assertEquals(CamelotKey.parse(camelot).orElseThrow().shortName(), tags.path("key").asText(), name);
            }
            assertEquals(audioMd5(corpusOriginal(name)), audioMd5(file), name + ": the decoded audio changed");
            assertEquals(sha256(file), track.path("file").path("sha256").asText(), name);
            assertEquals(runsBefore.get(track.path("id").asLong()), analysisRuns(track.path("id").asLong()),
                    name + " was analysed again after its tags were written");
        }
        try (Stream<Path> left = Files.walk(music)) {
            assertEquals(List.of(), left.filter(f -> f.getFileName().toString().startsWith(".")).toList());
        }
    }

    /** The files of this library whose tags the write-back writes: FLAC, MP3 and M4A, not Opus. */
    private static boolean writable(JsonNode track) {
        return !"opus".equals(track.path("file").path("format").asText());
    }

    /** @return the MD5 of a file's decoded audio, as ffmpeg's md5 muxer gives it */
    private static String audioMd5(Path file) throws IOException {
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(), "-map", "0:a",
                "-f", "md5", "-").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String md5 = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        try {
            assertEquals(0, ffmpeg.waitFor(), "ffmpeg cannot decode " + file);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return md5;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path corpusOriginal(String name) throws IOException {
        try (Stream<Path> files = Files.walk(Corpus.folder())) {
            String original = name.replaceFirst("^(mp3-vbr|m4a-aac|opus)-", "");
            return files.filter(f -> f.getFileName().toString().equals(original)).findFirst().orElseThrow();
        }
    }

    private String analysisRuns(long trackId) {
        return json(server.get("/api/v1/tracks/" + trackId + "/analysis").body()).path("runs").toString();
    }

    private List<JsonNode> tracks() {
        return allTracks(server, "");
    }

    private JsonNode queue() {
        return json(server.get("/api/v1/analysis/queue").body());
    }

    /** @return the failure of each analyser's run over the track, empty for a success */
    private Map<String, String> runs(long trackId) {
        Map<String, String> runs = new HashMap<>();
        json(server.get("/api/v1/tracks/" + trackId + "/analysis").body()).path("runs")
                .forEach(run -> runs.put(run.path("analyserId").asText(), run.path("failure").asText("")));
        return runs;
    }
}
