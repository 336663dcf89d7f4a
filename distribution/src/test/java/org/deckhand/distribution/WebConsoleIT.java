package org.deckhand.distribution;

import static org.deckhand.distribution.DeckhandProcess.eventually;
import static org.deckhand.distribution.TrackSearch.allTracks;
import static org.deckhand.distribution.TrackSearch.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web console, served by the packaged server on a real, analysed library and driven in Debian's Chromium by the
 * console's Playwright tests: sign-in (and a wrong password refused), the dashboard's track count, a BPM search that
 * shows exactly what the API finds, a track's waveform drawn and its audio playing, a plugin uploaded whose result
 * appears on a track, a pasted tracklist whose CUE sheet is written beside its recording, a setting changed that
 * survives a restart, and the mixer page (a mix started, played by the page's {@code <audio>}, skipped, shared,
 * rendered and stopped, at desktop and phone sizes); a screenshot of every page is left in
 * {@code target/web-console/screenshots}. Before that, how the console's files are served: types, caching, gzip, the
 * console's pages falling back to {@code index.html}, and no file outside it; and the API's JSON answers gzipped for a
 * real HTTP client that asks, never its audio or its event stream. After a restart, the console's polish tests: the
 * waveform views, the problems page and a rescan, an AIFF track marked, settings checked, the light theme, phone
 * sizes, and axe-core on every page in both themes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebConsoleIT {

    /** Labelled tracks, four of them tagged 120 to 130 BPM, for the BPM search; all 45 s or shorter. */
    private static final List<String> LABELLED = List.of("midi_mma_solo.flac", "midi_openmsx_moo_redfarn.flac",
            "mma_modernjazzwaltz_121_Csm.flac", "midi_simutrans_23-Something-for-Silver-Sand.flac",
            "midi_openmsx_careless_perc_redfarn.flac", "mma_bvfunk_105_Eb.flac",
            "midi_openmsx_boogi_marabi_redfarn.flac");
    private static final List<String> OTHER_FORMATS = List.of("mp3-vbr", "m4a-aac", "aiff");
    /** A file the library cannot take in, for the problems page. */
    private static final String BROKEN = "empty.flac";
    private static final Duration ANALYSIS = Duration.ofMinutes(10);
    /** The goal for the console's first load: everything index.html loads, as sent with gzip. */
    private static final int FIRST_LOAD_BUDGET_BYTES = 60 * 1024;
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+)\"");

    @TempDir
    static Path root;

    private Path music;
    private DeckhandProcess server;
    private ConsoleBrowser browser;
    private int tracks;

    @BeforeAll
    void start() throws IOException {
        Path corpus = Corpus.folder();
        browser = ConsoleBrowser.find();
        music = Files.createDirectories(root.resolve("music"));
        for (String name : LABELLED) {
            Path file = corpus.resolve("labelled").resolve(name);
            assertTrue(Files.isRegularFile(file), "the corpus lacks " + file);
            Files.copy(file, music.resolve(name));
        }
        for (String format : OTHER_FORMATS) {
            try (Stream<Path> files = Files.list(corpus.resolve("real-formats").resolve(format))) {
                Path first = files.sorted().findFirst().orElseThrow();
                Files.copy(first, music.resolve(format + "-" + first.getFileName()));
            }
        }
        Files.copy(corpus.resolve("broken").resolve(BROKEN), music.resolve(BROKEN));
        tracks = LABELLED.size() + OTHER_FORMATS.size();
        assertTrue(Files.isRegularFile(Path.of(System.getProperty("deckhand.plugin.example", ""))),
                "the system property deckhand.plugin.example names the example plugin's jar");
        server = DeckhandProcess.start(root.resolve("deckhand"), "--music", music.toString());
        server.awaitReady();
        assertTrue(eventually(this::analysed, ANALYSIS), "the library was not analysed in time:\n"
                + server.get("/api/v1/analysis/queue").body());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void theConsoleIsServedWithTypesCachingAndGzip() {
        HttpResponse<String> index = server.get("/");
        assertEquals(200, index.statusCode());
        assertEquals("text/html;charset=utf-8", index.headers().firstValue("Content-Type").orElse("").toLowerCase());
        assertEquals("no-cache", index.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(index.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        for (String page : List.of("/library", "/tracks/1", "/settings")) {
            assertEquals(index.body(), server.get(page).body(), page + " is a page of the console");
        }
        List<String> assets = assets(index.body());
        assertTrue(assets.stream().anyMatch(a -> a.endsWith(".js")) && assets.stream().anyMatch(a -> a.endsWith(".css")),
                "index.html loads a script and a style sheet: " + assets);
        long firstLoad = server.getBytes("/", "Accept-Encoding", "gzip").body().length;
        for (String asset : assets) {
            HttpResponse<byte[]> compressed = server.getBytes(asset, "Accept-Encoding", "gzip, deflate, br");
            assertEquals(200, compressed.statusCode(), asset);
            assertEquals("gzip", compressed.headers().firstValue("Content-Encoding").orElse(""), asset);
            assertEquals("public, max-age=31536000, immutable",
                    compressed.headers().firstValue("Cache-Control").orElse(""), asset);
            HttpResponse<byte[]> plain = server.getBytes(asset, "Accept-Encoding", "identity");
            assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), asset);
            assertTrue(compressed.body().length < plain.body().length, asset + " is smaller compressed");
            firstLoad += compressed.body().length;
        }
        assertTrue(firstLoad <= FIRST_LOAD_BUDGET_BYTES, "first load: " + firstLoad + " bytes compressed");
    }

    @Test
    @Order(2)
    void theApiGzipsJsonForAClientThatAsksButNeverAudioOrEvents() throws IOException, InterruptedException {
        HttpResponse<byte[]> plain = server.getBytes("/api/v1/tracks?limit=100", "Accept-Encoding", "identity");
        HttpResponse<byte[]> compressed = server.getBytes("/api/v1/tracks?limit=100", "Accept-Encoding",
                "gzip, deflate, br");
        assertEquals(200, compressed.statusCode());
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
        assertEquals("gzip", compressed.headers().firstValue("Content-Encoding").orElse(""));
        byte[] unpacked;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed.body()))) {
            unpacked = in.readAllBytes();
        }
        assertEquals(new String(plain.body(), StandardCharsets.UTF_8), new String(unpacked, StandardCharsets.UTF_8));
        assertTrue(compressed.body().length * 3 < plain.body().length,
                compressed.body().length + " bytes gzipped of " + plain.body().length);

        long id = allTracks(server, "").get(0).path("id").asLong();
        HttpResponse<byte[]> audio = server.getBytes("/api/v1/tracks/" + id + "/audio", "Accept-Encoding", "gzip",
                "Range", "bytes=0-1023");
        assertEquals(206, audio.statusCode());
        assertTrue(audio.headers().firstValue("Content-Encoding").isEmpty(), "audio is sent as it is");
        assertEquals(1024, audio.body().length);

        HttpRequest events = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/events"))
                .header("Authorization", DeckhandProcess.basic(DeckhandProcess.PASSWORD))
                .header("Accept", "text/event-stream").header("Accept-Encoding", "gzip").build();
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(events,
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertEquals(200, stream.statusCode());
            assertTrue(stream.headers().firstValue("Content-Encoding").isEmpty(), "events are not compressed");
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return lines.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertEquals(": Deckhand events", first.get(5, TimeUnit.SECONDS), "the stream's first line at once");
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the event stream's first line did not come within 5 s", e);
        }
    }

    @Test
    @Order(3)
    void unknownFilesAndHostilePathsAreRefused() {
        assertEquals(404, server.get("/favicon-nope.png").statusCode());
        assertEquals(404, server.get("/api/v1/no-such-resource").statusCode());
        assertEquals(401, server.get("/api/v1/system", null).statusCode(), "the API still asks for credentials");
        for (String hostile : List.of("/..%2f..%2fetc/passwd", "/assets/../../org/deckhand/webadmin/internal/"
                + "FrontPage.class", "/%2e%2e/%2e%2e/etc/passwd", "/.hidden", "/assets%2fx.js", "/web/index.html")) {
            int status = server.get(hostile).statusCode();
            assertTrue(status == 400 || status == 404, hostile + " answered " + status);
        }
    }

    @Test
    @Order(4)
    void theConsoleWorksInChromium() throws IOException, InterruptedException {
        ConsoleBrowser.Run run = browser.run("e2e/console.spec.ts", environment());
        assertEquals(0, run.exitStatus(), "the console's browser tests failed:\n" + run.output()
                + "\nserver output:\n" + server.output());
        assertTrue(Files.isRegularFile(browser.screenshots().resolve("track.png")), "a screenshot of the track page");
        try (Stream<Path> files = Files.list(music)) {
            List<Path> sheets = files.filter(file -> file.getFileName().toString().endsWith(".cue")).toList();
            assertEquals(1, sheets.size(), "the CUE sheet the console wrote beside the recording: " + sheets);
            String sheet = Files.readString(sheets.get(0));
            assertTrue(sheet.contains("TITLE \"Console test mix\"") && sheet.contains("INDEX 01 00:20:00"), sheet);
        }
        try (Stream<Path> files = Files.list(music)) {
            assertTrue(files.noneMatch(file -> file.getFileName().toString().startsWith(".")),
                    "no temporary file is left in the music folder");
        }
    }

    @Test
    @Order(5)
    void aSettingChangedInTheConsoleSurvivesARestart() throws IOException, InterruptedException {
        Path home = server.home();
        server.close();
        server = DeckhandProcess.startIn(home, DeckhandProcess.freePort(), "--music", music.toString());
        server.awaitReady();
        ConsoleBrowser.Run run = browser.run("e2e/after-restart.spec.ts", environment());
        assertEquals(0, run.exitStatus(), "after the restart:\n" + run.output() + "\nserver output:\n"
                + server.output());
    }

    @Test
    @Order(6)
    void theMixerPageWorksInChromium() throws IOException, InterruptedException {
        ConsoleBrowser.Run run = browser.run("e2e/mixer.spec.ts", environment());
        assertEquals(0, run.exitStatus(), "the mixer page's browser tests failed:\n" + run.output()
                + "\nserver output:\n" + server.output());
        assertTrue(Files.isRegularFile(browser.screenshots().resolve("mix-phone.png")),
                "a screenshot of a mix on a phone");
    }

    @Test
    @Order(7)
    void aNotificationChannelAddedInTheConsoleGetsItsTestMessage() throws IOException, InterruptedException {
        ConsoleBrowser.Run run = browser.run("e2e/notifications.spec.ts", environment());
        assertEquals(0, run.exitStatus(), "the notifications page's browser tests failed:\n" + run.output()
                + "\nserver output:\n" + server.output());
        assertTrue(Files.isRegularFile(browser.screenshots().resolve("notifications-phone.png")),
                "a screenshot of the page on a phone");
    }

    @Test
    @Order(8)
    void theConsoleReadsWellOnEveryPageInBothThemesAndOnAPhone() throws IOException, InterruptedException {
        assertTrue(eventually(this::analysed, ANALYSIS), "the library was not analysed after the restart");
        ConsoleBrowser.Run run = browser.run("e2e/polish.spec.ts", environment());
        assertEquals(0, run.exitStatus(), "the console's polish tests failed:\n" + run.output()
                + "\nserver output:\n" + server.output());
        assertTrue(Files.isRegularFile(browser.screenshots().resolve("polish-light-dashboard.png")),
                "a screenshot of the light theme");
    }

    private Map<String, String> environment() {
        return Map.of("DECKHAND_URL", "http://127.0.0.1:" + server.port(),
                "DECKHAND_PASSWORD", DeckhandProcess.PASSWORD,
                "DECKHAND_E2E_TRACKS", Integer.toString(tracks),
                "DECKHAND_E2E_PLUGIN", System.getProperty("deckhand.plugin.example"));
    }

    private boolean analysed() {
        JsonNode queue = json(server.get("/api/v1/analysis/queue").body());
        if (queue.path("queued").asInt() != 0) {
            return false;
        }
        List<JsonNode> all = allTracks(server, "");
        return all.size() == tracks && all.stream().allMatch(track -> track.path("analyses").has("waveform")
                && track.path("analyses").has("tempo"));
    }

    private static List<String> assets(String html) {
        List<String> assets = new ArrayList<>();
        Matcher matcher = ASSET.matcher(html);
        while (matcher.find()) {
            assets.add(matcher.group(1));
        }
        return assets;
    }
}
