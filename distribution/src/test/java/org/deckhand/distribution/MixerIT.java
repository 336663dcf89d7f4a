package org.deckhand.distribution;

import static org.deckhand.distribution.DeckhandProcess.eventually;
import static org.deckhand.distribution.TrackSearch.allTracks;
import static org.deckhand.distribution.TrackSearch.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server mixes a small library of real tracks with a steady tempo and key and streams the mix to LAN
 * players: ffmpeg reads a minute of MP3 without a gap, while an ICY client sees the titles change at each
 * transition in planned order (the second transition forced by a skip) and 20 more listeners keep up with the
 * stream; then the tracklist and its CUE sheet, the playlists, the token that guards the streams, a render of the
 * whole mix to FLAC with its CUE sheet, and stop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MixerIT {

    /**
     * Tracks of the labelled corpus with a steady tempo, a clear key and no silence inside, tagged with an artist and
     * a title as a DJ's files are; the first three chain on the Camelot wheel (5A 110 BPM, 5B 105, 4B 105), the
     * others do not follow them.
     */
    private static final List<LibraryFile> LIBRARY = List.of(
            new LibraryFile("midi_openmsx_no_work_song_redfarn.flac", "Redfarn", "No Work Song"),
            new LibraryFile("mma_bvfunk_105_Eb.flac", "MMA Grooves", "BV Funk"),
            new LibraryFile("midi_simutrans_17-The-Benevolent-Dictators-March.flac", "Simutrans",
                    "The Benevolent Dictators March"),
            new LibraryFile("mma_folk_111_Am.flac", "MMA Folk", "Folk in A Minor"),
            new LibraryFile("midi_blupi_music006.flac", "Planet Blupi", "Music 6"),
            new LibraryFile("midi_simutrans_23-Something-for-Silver-Sand.flac", "Simutrans Band",
                    "Something for Silver Sand"));
    /** Short transitions, so that the first one comes about half a minute into the mix. */
    /**
     * Short fades, and the energy-boost key move, which the planner takes only when asked to: the library's keys as
     * analysed (3B, 5B, 5A) chain with a +2 move.
     */
    private static final String OPTIONS = "{\"bars\": 4, \"energyBoost\": true}";
    private static final int PLANNED_AT_LEAST = 3;
    /** The largest tempo change from one track to the next by default, ±6 %. */
    private static final double BPM_WINDOW = 0.06;
    private static final Duration ANALYSIS = Duration.ofMinutes(5);
    private static final Duration LISTENING = Duration.ofSeconds(60);
    private static final int LISTENERS = 20;
    /** What a player buffers before it starts playing: VLC's default network cache, 1 s. */
    private static final double PLAYER_BUFFER_SECONDS = 1.0;
    /** The most a listener may receive beyond real time: the burst at its start, "a few seconds", in seconds. */
    private static final double BURST_SECONDS_AT_MOST = 15;
    /** The longest run of digital silence that is not a gap, in seconds. */
    private static final double GAP_SECONDS = 0.1;
    private static final int ICY_META_INTERVAL = 16_000;
    private static final int PCM_BYTES_PER_SECOND = 44_100 * 4;
    /**
     * How long the second track plays, as the ICY client hears it, before the test skips to the third: its natural
     * transition would come about 20 s later.
     */
    private static final int SKIP_AFTER_SECONDS = 10;
    /** The longest a skip's transition may take to reach a listener, render-ahead and burst included. */
    private static final double SKIP_REACHES_LISTENER_SECONDS = 12;

    @TempDir
    static Path root;

    private DeckhandProcess server;
    private final Map<String, JsonNode> libraryByFile = new HashMap<>();
    private final ExecutorService players = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "mixer-it-player");
        thread.setDaemon(true);
        return thread;
    });
    private JsonNode mix;
    private CompletableFuture<FfmpegRead> ffmpeg;
    private CompletableFuture<IcyRun> icy;
    private final List<CompletableFuture<StreamListener>> listeners = new ArrayList<>();

    /** A file of the corpus and the tags the test gives it. */
    private record LibraryFile(String name, String artist, String title) {
    }

    /** What ffmpeg did with the stream: its exit status, its error output and the audio it decoded. */
    private record FfmpegRead(int status, String errors, Path pcm) {
    }

    /**
     * The ICY client's run: its listener, how many audio bytes it had read when it asked for the skip, and the
     * answer to the skip.
     */
    private record IcyRun(StreamListener listener, long audioBytesAtSkip, int skipStatus) {
    }

    @BeforeAll
    void start() throws IOException {
        Path labelled = Corpus.folder().resolve("labelled");
        Path music = Files.createDirectories(root.resolve("music"));
        for (LibraryFile file : LIBRARY) {
            Path copy = Files.copy(labelled.resolve(file.name()), music.resolve(file.name()));
            Process tagger = new ProcessBuilder("metaflac", "--set-tag=ARTIST=" + file.artist(),
                    "--set-tag=TITLE=" + file.title(), copy.toString()).inheritIO().start();
            assertEquals(0, waitFor(tagger), "metaflac cannot tag " + copy);
        }
        server = DeckhandProcess.start(root.resolve("deckhand"), "--music", music.toString());
        server.awaitReady();
        assertTrue(eventually(this::libraryAnalysed, ANALYSIS), "the library was not analysed in time: "
                + server.get("/api/v1/analysis/queue").body());
        for (JsonNode track : allTracks(server, "")) {
            libraryByFile.put(Path.of(track.path("file").path("path").asText()).getFileName().toString(), track);
        }
    }

    @AfterAll
    void stop() {
        players.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void aSeedThatFindsNoPlayableTrackIsRefused() {
        HttpResponse<String> refused = server.postJson("/api/v1/mixes",
                "{\"seed\": {\"query\": \"zzqx-no-such-track\"}, \"options\": " + OPTIONS + "}");

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        assertFalse(json(refused.body()).path("detail").asText().isBlank(), refused.body());
    }

    @Test
    @Order(2)
    void aNewMixPlaysAtOnceForEveryPlayerThatConnects() throws IOException {
        mix = createMix();
        String id = mix.path("id").asText();
        JsonNode plan = mix.path("plan");
        assertEquals("PLAYING", mix.path("state").asText(), mix.toPrettyString());
        assertNotNull(OffsetDateTime.parse(mix.path("createdAt").asText()));
        assertTrue(mix.path("token").asText().length() >= 22, "a token of 128 bits: " + mix.path("token"));
        assertEquals("/stream/" + id + ".mp3?token=" + mix.path("token").asText(),
                mix.path("streams").path("mp3").asText());
        for (int i = 0; i < plan.size(); i++) {
            JsonNode entry = plan.get(i);
            JsonNode track = libraryTrack(entry.path("trackId").asText());
            LibraryFile tagged = LIBRARY.stream().filter(f -> track.path("file").path("path").asText()
                    .endsWith("/" + f.name())).findFirst().orElseThrow();
            assertEquals(tagged.artist(), entry.path("artist").asText(), entry.toString());
            assertEquals(tagged.title(), entry.path("title").asText(), entry.toString());
            JsonNode analyses = track.path("analyses");
            assertEquals(analyses.path("key").path("values").path("camelot").asText(), entry.path("camelot").asText(),
                    entry.toString());
            assertEquals(analyses.path("tempo").path("values").path("bpm").asDouble(), entry.path("bpm").asDouble(),
                    0.05, entry.toString());
            if (i > 0) {
                double change = entry.path("bpm").asDouble() / plan.get(i - 1).path("bpm").asDouble() - 1;
                assertTrue(Math.abs(change) <= BPM_WINDOW + 1e-4, "the tempo jumps " + change * 100 + " % to " + entry);
            }
        }

        Path pcm = root.resolve("ffmpeg.pcm");
        Path errors = root.resolve("ffmpeg.errors");
        Process reader = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-t",
                Long.toString(LISTENING.toSeconds()), "-i", streamUrl("mp3").toString(), "-f", "s16le", "-ac", "2",
                "-ar", "44100", "-y", pcm.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errors.toFile()).start();
        ffmpeg = CompletableFuture.supplyAsync(() -> new FfmpegRead(waitFor(reader), read(errors), pcm), players);

        StreamListener icyListener = StreamListener.open(streamUrl("mp3"), true, true);
        assertEquals(200, icyListener.status());
        assertEquals("audio/mpeg", icyListener.header("Content-Type"));
        assertEquals(Integer.toString(ICY_META_INTERVAL), icyListener.header("icy-metaint"));
        assertNotNull(icyListener.header("icy-name"), "no icy-name");
        icy = CompletableFuture.supplyAsync(() -> followTitles(icyListener), players);

        for (int i = 0; i < LISTENERS; i++) {
            StreamListener listener = StreamListener.open(streamUrl("mp3"), false, false);
            assertEquals(200, listener.status());
            listeners.add(CompletableFuture.supplyAsync(() -> listen(listener), players));
        }

        assertTrue(eventually(() -> mixNow().path("listeners").asInt() == LISTENERS + 2, Duration.ofSeconds(15)),
                "20 listeners, ffmpeg and the ICY client, but the mix counts " + mixNow().path("listeners"));
        JsonNode playing = mixNow();
        assertEquals(plan.get(0).path("trackId").asText(), playing.path("nowPlaying").path("trackId").asText(),
                playing.toPrettyString());
        assertTrue(playing.path("positionSeconds").asDouble() > 0, playing.toPrettyString());
    }

    @Test
    @Order(3)
    void ffmpegReadsAMinuteOfTheMp3StreamWithoutAGap() throws Exception {
        FfmpegRead read = ffmpeg.get(3, TimeUnit.MINUTES);

        assertEquals(0, read.status(), read.errors());
        assertEquals("", read.errors());
        double seconds = Files.size(read.pcm()) / (double) PCM_BYTES_PER_SECOND;
        assertEquals(LISTENING.toSeconds(), seconds, 0.5, "decoded duration");
        double silence = DigitalSilence.longestRunSeconds(read.pcm(), 44_100);
        assertTrue(silence <= GAP_SECONDS, "a gap of " + silence + " s of digital silence in the stream");
    }

    @Test
    @Order(4)
    void icyTitlesChangeAtEachTransitionInPlannedOrder() throws Exception {
        IcyRun run = icy.get(3, TimeUnit.MINUTES);
        List<IcyReader.Title> titles = run.listener().titles();
        run.listener().close();
        JsonNode plan = mix.path("plan");

        assertTrue(titles.size() >= PLANNED_AT_LEAST, "titles seen: " + titles);
        assertTrue(titles.get(0).audioBytes() <= ICY_META_INTERVAL, "no title at the start: " + titles);
        for (int i = 0; i < PLANNED_AT_LEAST; i++) {
            assertEquals(icyTitle(plan.get(i)), titles.get(i).text(), "title " + (i + 1) + " of " + titles);
        }
        assertEquals(200, run.skipStatus());
        double skipToTitle = (titles.get(2).audioBytes() - run.audioBytesAtSkip())
                / (double) StreamListener.BYTES_PER_SECOND;
        assertTrue(skipToTitle < SKIP_REACHES_LISTENER_SECONDS,
                "the skip's transition came " + skipToTitle + " s of audio after it");

        JsonNode tracklist = json(server.get(mixPath("/tracklist")).body());
        double heardBetween = (titles.get(2).audioBytes() - titles.get(1).audioBytes())
                / (double) StreamListener.BYTES_PER_SECOND;
        double listedBetween = tracklist.get(2).path("startSeconds").asDouble()
                - tracklist.get(1).path("startSeconds").asDouble();
        double granularity = ICY_META_INTERVAL / (double) StreamListener.BYTES_PER_SECOND;
        assertEquals(listedBetween, heardBetween, granularity + 0.25,
                "the titles changed " + heardBetween + " s apart, the tracklist's starts are " + listedBetween
                        + " s apart: " + tracklist);

        Path audio = root.resolve("icy-audio.mp3");
        Files.write(audio, run.listener().audio());
        assertEquals("", ffmpegErrors(audio), "the audio between the ICY metadata blocks");
    }

    @Test
    @Order(5)
    void twentyListenersKeepUpWithTheStreamAndAreCountedOffWhenTheyHangUp() throws Exception {
        for (CompletableFuture<StreamListener> future : listeners) {
            StreamListener listener = future.get(3, TimeUnit.MINUTES);
            listener.close();
            double seconds = LISTENING.toSeconds();
            assertTrue(listener.worstLagSeconds() <= PLAYER_BUFFER_SECONDS,
                    "a listener fell " + listener.worstLagSeconds() + " s behind the stream's real-time rate");
            assertTrue(listener.audioBytes() >= (seconds - PLAYER_BUFFER_SECONDS) * StreamListener.BYTES_PER_SECOND,
                    listener.audioBytes() + " bytes in " + seconds + " s");
            assertTrue(listener.audioBytes() <= (seconds + BURST_SECONDS_AT_MOST) * StreamListener.BYTES_PER_SECOND,
                    "a listener joins at the live edge, but got " + listener.audioBytes() + " bytes in " + seconds
                            + " s");
        }
        ffmpeg.get(3, TimeUnit.MINUTES);
        icy.get(3, TimeUnit.MINUTES).listener().close();

        assertTrue(eventually(() -> mixNow().path("listeners").asInt() == 0, Duration.ofSeconds(10)),
                "every player hung up, but the mix counts " + mixNow().path("listeners"));
    }

    @Test
    @Order(6)
    void theTracklistAndItsCueSheetGiveEachTransition() throws IOException {
        JsonNode tracklist = json(server.get(mixPath("/tracklist")).body());
        HttpResponse<String> cue = server.get(mixPath("/tracklist.cue"));
        JsonNode plan = mix.path("plan");

        assertEquals(200, cue.statusCode(), cue.body());
        assertTrue(cue.headers().firstValue("Content-Type").orElse("").startsWith("application/x-cue"));
        Path sheet = root.resolve("tracklist.cue");
        Files.writeString(sheet, cue.body());
        assertEquals("", CueSheet.cueprintErrors(sheet), cue.body());
        List<Double> indexes = CueSheet.parse(cue.body()).indexSeconds();
        assertTrue(tracklist.size() >= PLANNED_AT_LEAST, tracklist.toPrettyString());
        assertTrue(indexes.size() >= PLANNED_AT_LEAST && Math.abs(indexes.size() - tracklist.size()) <= 1,
                cue.body() + "\n" + tracklist);
        assertEquals(0, tracklist.get(0).path("startSeconds").asDouble(), 0.05);
        for (int i = 0; i < Math.min(indexes.size(), tracklist.size()); i++) {
            JsonNode entry = tracklist.get(i);
            assertEquals(i + 1, entry.path("index").asInt(), entry.toString());
            assertEquals(plan.get(i).path("trackId").asText(), entry.path("trackId").asText(), "planned order");
            assertEquals(entry.path("startSeconds").asDouble(), indexes.get(i), 1 / 75.0 + 1e-6,
                    "INDEX 01 of track " + (i + 1));
            if (i > 0) {
                assertTrue(indexes.get(i) > indexes.get(i - 1), "INDEX 01 times ascend: " + indexes);
            }
        }
    }

    @Test
    @Order(7)
    void playlistsGiveLanPlayersTheStreamUrlWithItsToken() {
        String url = streamUrl("mp3").toString();
        HttpResponse<String> m3u = server.sendWithHeaders("GET", mix.path("streams").path("m3u").asText());
        HttpResponse<String> pls = server.sendWithHeaders("GET", mix.path("streams").path("pls").asText());

        assertEquals(200, m3u.statusCode(), m3u.body());
        assertEquals("audio/x-mpegurl", m3u.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(m3u.body().lines().anyMatch(url::equals), m3u.body());
        assertEquals(200, pls.statusCode(), pls.body());
        assertEquals("audio/x-scpls", pls.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(pls.body().lines().anyMatch(line -> line.matches("File1=\\Q" + url + "\\E")), pls.body());
    }

    @Test
    @Order(8)
    void streamsNeedTheMixTokenAndANewTokenEndsTheOldStreams() throws IOException {
        String id = mix.path("id").asText();
        assertEquals(403, server.sendWithHeaders("GET", "/stream/" + id + ".mp3?token=wrong").statusCode());
        assertEquals(403, server.sendWithHeaders("GET", "/stream/" + id + ".mp3").statusCode());
        assertEquals(404, server.sendWithHeaders("GET", "/stream/no-such-mix.mp3?token="
                + mix.path("token").asText()).statusCode());

        try (StreamListener old = StreamListener.open(streamUrl("mp3"), false, false)) {
            assertEquals(200, old.status());
            assertTrue(old.listen(Duration.ofSeconds(2)));

            HttpResponse<String> rotated = server.postJson(mixPath("/token"), "");

            assertEquals(200, rotated.statusCode(), rotated.body());
            String token = json(rotated.body()).path("token").asText();
            assertFalse(token.isBlank());
            assertNotEquals(mix.path("token").asText(), token);
            assertTrue(ends(old, Duration.ofSeconds(5)), "the stream on the old token still plays");
            assertEquals(403, server.sendWithHeaders("GET", mix.path("streams").path("mp3").asText()).statusCode());
            try (StreamListener renewed = StreamListener.open(server(mixNow().path("streams").path("mp3")), false,
                    false)) {
                assertEquals(200, renewed.status());
                assertTrue(renewed.listen(Duration.ofSeconds(1)) && renewed.audioBytes() > 0);
            }
        }
    }

    @Test
    @Order(9)
    void theWholeMixRendersToFlacFasterThanRealTimeWithItsCueSheet() throws IOException {
        long started = System.nanoTime();
        HttpResponse<String> accepted = server.postJson(mixPath("/render"), "{\"format\": \"flac\"}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertTrue(eventually(() -> !"RUNNING".equals(render().path("state").asText()), Duration.ofMinutes(5)),
                "the render did not end: " + render());
        double renderSeconds = (System.nanoTime() - started) / 1e9;
        JsonNode render = render();

        assertEquals("DONE", render.path("state").asText(), render.toPrettyString());
        assertEquals(1.0, render.path("progress").asDouble(), 1e-9);
        Path file = Path.of(render.path("file").asText());
        Path cueFile = Path.of(render.path("cueFile").asText());
        assertEquals("renders", file.getParent().getFileName().toString(), file.toString());
        assertTrue(file.startsWith(server.home()), file + " lies outside the installation's data folder");
        assertEquals(file.getParent(), cueFile.getParent(), "the CUE sheet lies beside the audio");
        JsonNode probe = ffprobe(file);
        JsonNode stream = probe.path("streams").path(0);
        assertEquals("flac", stream.path("codec_name").asText(), probe.toPrettyString());
        assertEquals(44_100, stream.path("sample_rate").asInt());
        assertEquals(2, stream.path("channels").asInt());
        double seconds = probe.path("format").path("duration").asDouble();
        assertTrue(renderSeconds < seconds, "rendering " + seconds + " s of audio took " + renderSeconds + " s");

        assertEquals("", CueSheet.cueprintErrors(cueFile));
        CueSheet sheet = CueSheet.parse(Files.readString(cueFile, StandardCharsets.UTF_8));
        assertEquals(file.getFileName().toString(), sheet.file(), "the CUE sheet's FILE line");
        JsonNode plan = mixNow().path("plan");
        assertEquals(plan.size(), sheet.indexSeconds().size(), "one TRACK per planned track");
        double lastStart = sheet.indexSeconds().get(sheet.indexSeconds().size() - 1);
        double lastTrack = libraryTrack(plan.get(plan.size() - 1).path("trackId").asText()).path("audio")
                .path("durationSeconds").asDouble();
        assertEquals(lastStart + lastTrack, seconds, 0.15 * lastTrack + 1,
                "the render's length against its last INDEX 01 and the last track's length");
    }

    @Test
    @Order(10)
    void stopEndsTheStreamsCleanlyAndDeleteForgetsTheMix() throws IOException {
        HttpResponse<String> created = server.postJson("/api/v1/mixes", "{\"seed\": {\"trackId\": \""
                + mix.path("plan").path(0).path("trackId").asText() + "\"}, \"options\": " + OPTIONS + "}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode another = json(created.body());
        String path = "/api/v1/mixes/" + another.path("id").asText();
        try (StreamListener listener = StreamListener.open(server(another.path("streams").path("mp3")), false,
                false)) {
            assertEquals(200, listener.status());
            assertTrue(listener.listen(Duration.ofSeconds(1)));

            HttpResponse<String> stopped = server.postJson(path + "/stop", "");

            assertEquals(200, stopped.statusCode(), stopped.body());
            assertEquals("STOPPED", json(stopped.body()).path("state").asText());
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            int read = 0;
            while (read >= 0 && System.nanoTime() < until) {
                read = listener.readSome();
            }
            assertEquals(-1, read, "the stream did not end cleanly after stop");
        }
        assertEquals("STOPPED", json(server.get(path).body()).path("state").asText());

        assertEquals(204, server.delete(path).statusCode());
        HttpResponse<String> gone = server.get(path);
        assertEquals(404, gone.statusCode());
        assertEquals("application/problem+json", gone.headers().firstValue("Content-Type").orElse(""));
        assertEquals(204, server.delete(mixPath("")).statusCode());
        assertEquals("[]", json(server.get("/api/v1/mixes").body()).toString());
    }

    /**
     * Starts a mix from each track of the library in turn until one plans at least three tracks, deleting the
     * others: which seed chains depends on the analysed keys and tempi.
     */
    private JsonNode createMix() {
        List<String> tried = new ArrayList<>();
        for (LibraryFile file : LIBRARY) {
            String trackId = libraryByFile.get(file.name()).path("id").asText();
            HttpResponse<String> created = server.postJson("/api/v1/mixes",
                    "{\"seed\": {\"trackId\": \"" + trackId + "\"}, \"options\": " + OPTIONS + "}");
            assertEquals(201, created.statusCode(), created.body());
            JsonNode mix = json(created.body());
            String location = created.headers().firstValue("Location").orElse("");
            assertTrue(location.endsWith("/api/v1/mixes/" + mix.path("id").asText()), location);
            assertEquals(trackId, mix.path("plan").path(0).path("trackId").asText(), "the seed plays first");
            if (mix.path("plan").size() >= PLANNED_AT_LEAST) {
                return mix;
            }
            tried.add(file.name() + " plans " + mix.path("plan").size());
            assertEquals(204, server.delete("/api/v1/mixes/" + mix.path("id").asText()).statusCode());
        }
        return fail("no seed plans " + PLANNED_AT_LEAST + " tracks: " + tried + "; the library's analyses: "
                + libraryByFile.values().stream().map(t -> t.path("analyses").path("tempo").path("values")
                        .path("bpm").asText() + " BPM " + t.path("analyses").path("key").path("values")
                        .path("camelot").asText()).toList());
    }

    /**
     * Reads the titles until the third; once the second track has played {@link #SKIP_AFTER_SECONDS} (its
     * transition in, 4 bars, is over), asks for a skip.
     */
    private IcyRun followTitles(StreamListener listener) {
        long until = System.nanoTime() + Duration.ofSeconds(100).toNanos();
        long audioBytesAtSkip = -1;
        int skipStatus = 0;
        try {
            while (listener.titles().size() < PLANNED_AT_LEAST && System.nanoTime() < until) {
                if (listener.readSome() < 0) {
                    break;
                }
                List<IcyReader.Title> titles = listener.titles();
                if (titles.size() == 2 && skipStatus == 0 && listener.audioBytes() - titles.get(1).audioBytes()
                        >= SKIP_AFTER_SECONDS * StreamListener.BYTES_PER_SECOND) {
                    audioBytesAtSkip = listener.audioBytes();
                    skipStatus = server.postJson(mixPath("/skip"), "").statusCode();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new IcyRun(listener, audioBytesAtSkip, skipStatus);
    }

    private static StreamListener listen(StreamListener listener) {
        try {
            assertTrue(listener.listen(LISTENING), "the stream ended after " + listener.audioBytes() + " bytes");
            return listener;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return whether the stream ended, cleanly or not, within the time given */
    private static boolean ends(StreamListener listener, Duration within) {
        long until = System.nanoTime() + within.toNanos();
        try {
            while (System.nanoTime() < until) {
                if (listener.readSome() < 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException ended) {
            return true;
        }
    }

    private boolean libraryAnalysed() {
        List<JsonNode> tracks = allTracks(server, "");
        return tracks.size() == LIBRARY.size() && json(server.get("/api/v1/analysis/queue").body())
                .path("queued").asInt() == 0 && tracks.stream().map(t -> t.path("analyses"))
                .allMatch(a -> a.has("tempo") && a.has("key") && a.has("beatgrid") && a.has("loudness"));
    }

    private JsonNode libraryTrack(String trackId) {
        return libraryByFile.values().stream().filter(t -> t.path("id").asText().equals(trackId)).findFirst()
                .orElseThrow(() -> new AssertionError("track " + trackId + " is not in the library"));
    }

    /** @return the title a player shows for a plan's entry, {@code Artist - Title} */
    private static String icyTitle(JsonNode entry) {
        return entry.path("artist").asText() + " - " + entry.path("title").asText();
    }

    private JsonNode mixNow() {
        return json(server.get(mixPath("")).body());
    }

    private JsonNode render() {
        return json(server.get(mixPath("/render")).body());
    }

    private String mixPath(String rest) {
        return "/api/v1/mixes/" + mix.path("id").asText() + rest;
    }

    private URI streamUrl(String format) {
        return server(mix.path("streams").path(format));
    }

    private URI server(JsonNode path) {
        return URI.create("http://127.0.0.1:" + server.port() + path.asText());
    }

    private static JsonNode ffprobe(Path file) throws IOException {
        Process ffprobe = new ProcessBuilder("ffprobe", "-v", "error", "-print_format", "json", "-show_format",
                "-show_streams", file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(ffprobe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, waitFor(ffprobe), "ffprobe cannot read " + file);
        return json(out);
    }

    /** @return what ffmpeg reports while decoding the file, empty when it decodes without an error */
    private static String ffmpegErrors(Path file) throws IOException {
        Process decoder = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(), "-f",
                "null", "-").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String errors = new String(decoder.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = waitFor(decoder);
        return status == 0 ? errors : errors + " (ffmpeg exited with " + status + ")";
    }

    private static int waitFor(Process process) {
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
