package org.deckhand.distribution;

import static org.deckhand.distribution.DeckhandProcess.eventually;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
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
 * The packaged server pointed at a music folder of real files from the test corpus: what the scan finds, broken
 * files, searches, the catalog following changes while it runs, and a hard kill during a scan.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibraryIT {

    private static final Duration FOLLOW = Duration.ofSeconds(5);
    private static final Set<String> UNREADABLE = Set.of("empty.flac", "song.mp3", "bad-streaminfo.flac");

    @TempDir
    static Path root;

    private Path corpus;
    private Path music;
    private DeckhandProcess server;
    private Map<String, Double> ffprobeDurations;
    private int audioFiles;

    @BeforeAll
    void start() throws IOException {
        corpus = Corpus.folder();
        music = Files.createDirectories(root.resolve("music"));
        copyTree(corpus.resolve("real-formats"), music.resolve("formats"));
        copyTree(corpus.resolve("broken"), music.resolve("broken"));
        try (Stream<Path> files = Files.walk(music)) {
            audioFiles = (int) files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".tsv")).count();
        }
        ffprobeDurations = manifestDurations();
        server = DeckhandProcess.start(root.resolve("deckhand"), "--music", music.toString());
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
    void theScanFindsEveryAudioFileWithTheDurationFfprobeReports() throws IOException {
        int expected = audioFiles - UNREADABLE.size();
        assertTrue(eventually(() -> stats().path("tracks").asInt() == expected, Duration.ofSeconds(60)),
                "the catalog holds " + stats() + ", not " + expected + " tracks");

        List<JsonNode> tracks = allTracks("");
        assertEquals(expected, tracks.size());
        int compared = 0;
        for (JsonNode track : tracks) {
            String path = track.path("file").path("path").asText();
            if (path.contains("/formats/")) {
                String relative = "real-formats/" + path.substring(path.indexOf("/formats/") + "/formats/".length());
                Double ffprobe = ffprobeDurations.get(relative);
                assertNotNull(ffprobe, relative + " is not in the corpus manifest");
                assertEquals(ffprobe, track.path("audio").path("durationSeconds").asDouble(), 0.05, relative);
                assertTrue(!track.path("tags").path("title").asText().isEmpty(), relative + " has no title");
                compared++;
            }
        }
        assertEquals(56, compared, "every file of real-formats compared");
    }

    @Test
    @Order(2)
    void brokenFilesAreProblemsWithClearReasons() throws IOException {
        JsonNode problems = json(server.get("/api/v1/library/problems").body());

        Map<String, String> reasons = new HashMap<>();
        Set<String> takenInAnyway = new TreeSet<>();
        problems.forEach(p -> {
            String name = Path.of(p.path("path").asText()).getFileName().toString();
            reasons.put(name, p.path("reason").asText());
            if (p.hasNonNull("trackId")) {
                takenInAnyway.add(name);
            }
        });
        assertTrue(reasons.keySet().containsAll(UNREADABLE), problems.toString());
        assertEquals("empty file (0 bytes)", reasons.get("empty.flac"));
        assertTrue(reasons.get("song.mp3").startsWith("not an audio file"), reasons.get("song.mp3"));
        assertTrue(reasons.get("truncated-30pct.mp3").contains("truncated"), problems.toString());
        assertTrue(reasons.get("garbage-id3v2.mp3").contains("ID3v2"), problems.toString());
        assertTrue(takenInAnyway.containsAll(Set.of("truncated-30pct.mp3", "garbage-id3v2.mp3")),
                "files read in part are still tracks: " + takenInAnyway);
        assertEquals(UNREADABLE.size(), stats().path("problems").asInt());
        assertEquals(takenInAnyway.size(), stats().path("tracksWithWarnings").asInt());
    }

    @Test
    @Order(3)
    void eachQueryFormReturnsExactlyTheExpectedTracks() throws IOException {
        List<JsonNode> all = allTracks("");
        JsonNode someTrack = all.stream().filter(t -> t.path("tags").path("artists").size() > 0).findFirst()
                .orElseThrow();
        String artist = someTrack.path("tags").path("artists").get(0).asText();
        String firstArtistWord = artist.split("\\s+")[0].replaceAll("[^\\p{L}\\p{N}]", "");

        assertQuery("format:flac", all, t -> t.path("file").path("format").asText().equals("flac"));
        assertQuery("duration:<20s", all, t -> t.path("audio").path("durationSeconds").asDouble(999) < 20);
        assertQuery("duration:20s..40s", all, t -> {
            double seconds = t.path("audio").path("durationSeconds").asDouble(-1);
            return seconds >= 20 && seconds <= 40;
        });
        assertQuery("year:2000..2030", all, t -> t.path("tags").has("year")
                && t.path("tags").path("year").asInt() >= 2000 && t.path("tags").path("year").asInt() <= 2030);
        assertQuery("-format:mp3", all, t -> !t.path("file").path("format").asText().equals("mp3"));
        assertQuery("added:<1d", all, t -> true);
        List<JsonNode> byArtist = allTracks(firstArtistWord);
        assertTrue(byArtist.stream().anyMatch(t -> t.path("id").asLong() == someTrack.path("id").asLong()),
                firstArtistWord + " does not find " + someTrack);

        HttpResponse<String> malformed = server.get("/api/v1/tracks?q=" + encode("bpm:12x"));
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("at character 5"), malformed.body());
    }

    @Test
    @Order(4)
    void theCatalogFollowsAddsEditsMovesAndDeletesWhileTheServerRuns() throws Exception {
        Path source = corpus.resolve("real-formats/flac");
        Path added = music.resolve("new arrivals/added.flac");
        Files.createDirectories(added.getParent());
        try (Stream<Path> files = Files.list(source)) {
            Files.copy(files.sorted().findFirst().orElseThrow(), added);
        }
        assertTrue(eventually(() -> trackAt(added) != null, FOLLOW), "an added file is not in the catalog in 5 s");
        long id = trackAt(added).path("id").asLong();

        Process edit = new ProcessBuilder("metaflac", "--remove-tag=TITLE", "--set-tag=TITLE=Edited while running",
                added.toString()).redirectErrorStream(true).start();
        edit.getInputStream().readAllBytes();
        assertEquals(0, edit.waitFor());
        assertTrue(eventually(() -> trackAt(added) != null
                && "Edited while running".equals(trackAt(added).path("tags").path("title").asText()), FOLLOW),
                "an edited file's new title is not in the catalog in 5 s");
        assertEquals(id, trackAt(added).path("id").asLong());

        Path moved = music.resolve("sorted/renamed.flac");
        Files.createDirectories(moved.getParent());
        Files.move(added, moved);
        assertTrue(eventually(() -> trackAt(moved) != null, FOLLOW), "a moved file is not followed in 5 s");
        assertEquals(id, trackAt(moved).path("id").asLong(), "a moved file keeps its track id");

        Files.delete(moved);
        assertTrue(eventually(() -> json(server.get("/api/v1/tracks/" + id).body()).has("missingSince"), FOLLOW),
                "a deleted file's track is not marked missing in 5 s");
    }

    @Test
    @Order(5)
    void theAudioEndpointServesTheFileWithRanges() throws IOException {
        JsonNode track = allTracks("format:mp3").get(0);
        Path file = Path.of(track.path("file").path("path").asText());
        long size = track.path("file").path("sizeBytes").asLong();
        String path = "/api/v1/tracks/" + track.path("id").asLong() + "/audio";

        HttpResponse<String> whole = server.get(path);
        HttpResponse<byte[]> part = server.getBytes(path, "Range", "bytes=1000-1999");
        HttpResponse<byte[]> outside = server.getBytes(path, "Range", "bytes=" + size + "-");

        assertEquals(200, whole.statusCode());
        assertEquals("audio/mpeg", whole.headers().firstValue("Content-Type").orElse(""));
        assertEquals(Long.toString(size), whole.headers().firstValue("Content-Length").orElse(""));
        assertEquals(206, part.statusCode());
        assertEquals("bytes 1000-1999/" + size, part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(java.util.Arrays.copyOfRange(Files.readAllBytes(file), 1000, 2000), part.body());
        assertEquals(416, outside.statusCode());
        assertEquals(404, server.get("/api/v1/tracks/987654321/audio").statusCode());
    }

    @Test
    @Order(6)
    void aHardKillDuringAScanLeavesCatalogAndIndexInAgreementAfterARestart() throws Exception {
        Path bigger = Files.createDirectories(root.resolve("bigger"));
        List<Path> sources;
        try (Stream<Path> files = Files.walk(corpus.resolve("real-formats"))) {
            sources = files.filter(p -> p.toString().matches(".*\\.(flac|mp3|wav|aiff|m4a|opus)$")).sorted().toList();
        }
        int expected = 3000;
        for (int i = 0; i < expected; i++) {
            Path folder = Files.createDirectories(bigger.resolve("artist " + i % 40));
            Path source = sources.get(i % sources.size());
            Files.createLink(folder.resolve(i + " " + source.getFileName()), source);
        }
        Path home = root.resolve("killed");
        DeckhandProcess first = DeckhandProcess.start(home, "--music", bigger.toString());
        first.awaitReady();
        boolean midScan = eventually(() -> {
            long tracks = json(first.get("/api/v1/library/stats").body()).path("tracks").asLong();
            return tracks > 0 && tracks < expected;
        }, Duration.ofSeconds(30));
        first.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertTrue(midScan, "the scan was not caught half-way; the kill came too late to test anything");

        try (DeckhandProcess second = DeckhandProcess.startIn(home, DeckhandProcess.freePort(), "--music",
                bigger.toString())) {
            second.awaitReady();
            assertTrue(eventually(() -> {
                JsonNode stats = json(second.get("/api/v1/library/stats").body());
                JsonNode page = json(second.get("/api/v1/tracks?limit=1").body());
                return stats.path("tracks").asLong() == expected && page.path("total").asLong() == expected;
            }, Duration.ofSeconds(90)), "catalog and index disagree or the scan did not complete: "
                    + second.get("/api/v1/library/stats").body() + " / index total "
                    + json(second.get("/api/v1/tracks?limit=1").body()).path("total") + "; problems: "
                    + second.get("/api/v1/library/problems").body());
        }
    }

    @Test
    @Order(7)
    void aTitleChangedJustBeforeAHardKillIsFoundByItsNewTitleAfterTheRestart() throws Exception {
        Path tagged = Files.createDirectories(root.resolve("retagged"));
        try (Stream<Path> files = Files.list(corpus.resolve("real-formats/flac"))) {
            for (Path source : files.sorted().limit(3).toList()) {
                Files.copy(source, tagged.resolve(source.getFileName()));
            }
        }
        Path edited;
        try (Stream<Path> files = Files.list(tagged)) {
            edited = files.sorted().findFirst().orElseThrow();
        }
        Path home = root.resolve("retagged-home");
        try (DeckhandProcess first = DeckhandProcess.start(home, "--music", tagged.toString())) {
            first.awaitReady();
            assertTrue(eventually(() -> TrackSearch.allTracks(first, "").size() == 3, Duration.ofSeconds(60)),
                    "the three files were not scanned");
        }
        DeckhandProcess second = DeckhandProcess.startIn(home, DeckhandProcess.freePort(), "--music",
                tagged.toString());
        second.awaitReady();
        Process edit = new ProcessBuilder("metaflac", "--remove-tag=TITLE", "--set-tag=TITLE=Zanzibarquux",
                edited.toString()).redirectErrorStream(true).start();
        edit.getInputStream().readAllBytes();
        assertEquals(0, edit.waitFor());
        assertTrue(eventually(() -> TrackSearch.allTracks(second, "zanzibarquux").size() == 1, FOLLOW),
                "the new title is not searchable in 5 s");
        second.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        try (DeckhandProcess third = DeckhandProcess.startIn(home, DeckhandProcess.freePort(), "--music",
                tagged.toString())) {
            third.awaitReady();
            assertTrue(eventually(() -> TrackSearch.allTracks(third, "zanzibarquux").size() == 1,
                    Duration.ofSeconds(30)), "the index lost the change it had not committed when the server was "
                    + "killed: " + TrackSearch.allTracks(third, ""));
            assertEquals(3, TrackSearch.allTracks(third, "").size());
        }
    }

    private void assertQuery(String query, List<JsonNode> all, Predicate<JsonNode> expected) {
        Set<Long> want = new TreeSet<>();
        all.stream().filter(expected).forEach(t -> want.add(t.path("id").asLong()));
        Set<Long> got = new TreeSet<>();
        allTracks(query).forEach(t -> got.add(t.path("id").asLong()));
        assertEquals(want, got, query);
    }

    private List<JsonNode> allTracks(String query) {
        return TrackSearch.allTracks(server, query);
    }

    private JsonNode trackAt(Path file) {
        for (JsonNode track : allTracks("")) {
            if (track.path("file").path("path").asText().equals(file.toString())) {
                return track;
            }
        }
        return null;
    }

    private JsonNode stats() {
        return json(server.get("/api/v1/library/stats").body());
    }

    private JsonNode json(String body) {
        return TrackSearch.json(body);
    }

    private Map<String, Double> manifestDurations() throws IOException {
        Map<String, Double> durations = new HashMap<>();
        List<String> lines = Files.readAllLines(corpus.resolve("manifest.tsv"));
        List<String> header = List.of(lines.get(0).split("\t"));
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t", -1);
            String duration = fields[header.indexOf("duration_s")];
            if (!duration.isEmpty()) {
                durations.put(fields[header.indexOf("file")], Double.parseDouble(duration));
            }
        }
        return durations;
    }

    private static String encode(String text) {
        return TrackSearch.encode(text);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().endsWith(".tsv")) {
                    Files.copy(file, target);
                }
            }
        }
    }
}
