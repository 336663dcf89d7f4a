package org.deckhand.distribution;

import static org.deckhand.distribution.DeckhandProcess.eventually;
import static org.deckhand.distribution.TrackSearch.allTracks;
import static org.deckhand.distribution.TrackSearch.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library a DJ works in, through the packaged server on corpus music: song 1 of the real-formats folder as FLAC,
 * MP3 and Opus, song 2 as FLAC and WAV, song 3 as a FLAC with an 800-pixel cover that metaflac embedded. Over REST:
 * albums, artists, genres and years with their counts; the cover as 96 and 300-pixel thumbnails; the copies of songs
 * 1 and 2 found as two groups of duplicates by their decoded audio (no two of those files are byte-identical);
 * crates made, filled, refused with problem details, resolved live from a query, and seeding a mix that plays only
 * their tracks; then the console's Playwright tests of Browse, bulk actions, Crates and Duplicates
 * ({@code e2e/library.spec.ts}) in Debian's Chromium at desktop and phone sizes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibraryBrowsingIT {

    private static final Duration ANALYSIS = Duration.ofMinutes(10);

    @TempDir
    static Path root;

    private DeckhandProcess server;
    private ConsoleBrowser browser;
    private Path music;
    private final Map<String, Long> ids = new HashMap<>();

    @BeforeAll
    void start() throws IOException {
        Path formats = Corpus.folder().resolve("real-formats");
        browser = ConsoleBrowser.find();
        music = Files.createDirectories(root.resolve("music"));
        copy(formats, "flac", "01", "song1.flac");
        copy(formats, "mp3-vbr", "01", "song1.mp3");
        copy(formats, "opus", "01", "song1.opus");
        copy(formats, "flac", "02", "song2.flac");
        copy(formats, "wav", "02", "song2.wav");
        Path covered = copy(formats, "flac", "03", "song3.flac");
        Path cover = root.resolve("cover.png");
        BufferedImage image = new BufferedImage(800, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(40, 160, 90));
        graphics.fillRect(0, 0, 800, 800);
        graphics.dispose();
        ImageIO.write(image, "png", cover.toFile());
        Process metaflac = new ProcessBuilder("metaflac", "--import-picture-from=3||||" + cover, covered.toString())
                .redirectErrorStream(true).start();
        String said = new String(metaflac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertEquals(0, metaflac.waitFor(), "metaflac: " + said);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        server = DeckhandProcess.start(root.resolve("deckhand"), "--music", music.toString());
        server.awaitReady();
        assertTrue(eventually(this::analysed, ANALYSIS), "the library was not analysed in time:\n"
                + server.get("/api/v1/analysis/queue").body());
        for (JsonNode track : allTracks(server, "")) {
            ids.put(Path.of(track.path("file").path("path").asText()).getFileName().toString(),
                    track.path("id").asLong());
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
    void albumsArtistsGenresAndYearsAreCountedWithACoverThumbnail() throws IOException {
        Map<String, Integer> expectedAlbums = new HashMap<>();
        Map<String, Integer> expectedArtists = new HashMap<>();
        int withYear = 0;
        for (JsonNode track : allTracks(server, "")) {
            JsonNode tags = track.path("tags");
            String artist = tags.path("albumArtist").asText("").isEmpty() ? tags.path("artists").path(0).asText("")
                    : tags.path("albumArtist").asText();
            if (!artist.isEmpty()) {
                expectedArtists.merge(artist, 1, Integer::sum);
            }
            if (!tags.path("album").asText("").isEmpty()) {
                expectedAlbums.merge(tags.path("album").asText() + " / " + artist, 1, Integer::sum);
            }
            withYear += tags.path("year").isInt() ? 1 : 0;
        }
        JsonNode albums = ok(server.get("/api/v1/library/albums"));
        Map<String, Integer> shown = new HashMap<>();
        JsonNode withCover = null;
        for (JsonNode album : albums.path("items")) {
            shown.put(album.path("album").asText() + " / " + album.path("artist").asText(""),
                    album.path("trackCount").asInt());
            if (!album.path("artworkUrl").isNull()) {
                withCover = album;
            }
        }
        assertEquals(expectedAlbums, shown, "the albums as the tracks' tags name them");
        assertEquals(expectedAlbums.size(), albums.path("total").asInt());
        assertNotNull(withCover, "the album of song 3 shows its cover: " + albums);
        assertEquals("Various Test Artists", withCover.path("artist").asText());
        assertEquals(1, withCover.path("trackCount").asInt());
        assertEquals(1996, withCover.path("year").asInt());
        String url = withCover.path("artworkUrl").asText();
        assertEquals("/api/v1/tracks/" + ids.get("song3.flac") + "/artwork?size=300", url);
        for (int size : new int[] {300, 96}) {
            HttpResponse<byte[]> thumbnail = server.getBytes(url.replace("size=300", "size=" + size), "Accept",
                    "image/*");
            assertEquals(200, thumbnail.statusCode());
            assertEquals("image/jpeg", thumbnail.headers().firstValue("Content-Type").orElse(""));
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
            assertEquals(size, decoded.getWidth());
            assertEquals(size, decoded.getHeight());
        }
        try (Stream<Path> cached = Files.list(server.home().resolve("data/artwork"))) {
            assertEquals(2, cached.filter(file -> file.toString().endsWith(".jpg")).count(),
                    "one thumbnail per size, cached under data/artwork");
        }
        assertEquals(400, server.get(url.replace("size=300", "size=5000")).statusCode());
        JsonNode tracks = ok(server.get("/api/v1/library/albums/tracks?album="
                + encode(withCover.path("album").asText()) + "&artist=" + encode("Various Test Artists")));
        assertEquals(List.of(ids.get("song3.flac")), List.of(tracks.get(0).path("id").asLong()));

        Map<String, Integer> artists = new HashMap<>();
        ok(server.get("/api/v1/library/artists")).path("items").forEach(artist ->
                artists.put(artist.path("name").asText(), artist.path("trackCount").asInt()));
        assertEquals(expectedArtists, artists);
        JsonNode years = ok(server.get("/api/v1/library/years"));
        int counted = 0;
        for (JsonNode year : years.path("items")) {
            counted += year.path("trackCount").asInt();
        }
        assertEquals(withYear, counted, years.toString());
        assertTrue(ok(server.get("/api/v1/library/genres")).path("total").asInt() >= 1);
        assertEquals(400, server.get("/api/v1/library/albums?limit=0").statusCode());
    }

    @Test
    @Order(2)
    void copiesOfOneRecordingInDifferentFormatsAreOneGroupOfDuplicates() {
        JsonNode duplicates = ok(server.get("/api/v1/library/duplicates"));
        Set<Set<Long>> groups = new HashSet<>();
        for (JsonNode group : duplicates.path("groups")) {
            Set<Long> members = new TreeSet<>();
            group.forEach(track -> members.add(track.path("id").asLong()));
            groups.add(members);
        }
        assertEquals(Set.of(Set.of(ids.get("song1.flac"), ids.get("song1.mp3"), ids.get("song1.opus")),
                Set.of(ids.get("song2.flac"), ids.get("song2.wav"))), groups, duplicates.toString());
    }

    @Test
    @Order(3)
    void cratesAreMadeFilledRefusedAndSeedAMixOfTheirTracks() {
        HttpResponse<String> made = server.postJson("/api/v1/crates", "{\"name\": \"Warm-up\"}");
        assertEquals(201, made.statusCode(), made.body());
        long crate = json(made.body()).path("id").asLong();
        long first = ids.get("song2.flac");
        long second = ids.get("song3.flac");
        JsonNode filled = ok(server.postJson("/api/v1/crates/" + crate + "/tracks",
                "{\"trackIds\": [" + first + ", " + second + "]}"));
        assertEquals(2, filled.path("trackCount").asInt());

        HttpResponse<String> blank = server.postJson("/api/v1/crates", "{\"name\": \"  \"}");
        assertEquals(400, blank.statusCode());
        assertTrue(blank.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(json(blank.body()).path("detail").asText().contains("a crate needs a name"), blank.body());
        HttpResponse<String> unknown = server.postJson("/api/v1/crates/" + crate + "/tracks", "{\"trackIds\": [999]}");
        assertEquals(400, unknown.statusCode());
        assertTrue(json(unknown.body()).path("detail").asText().contains("999"), unknown.body());
        assertEquals(404, server.get("/api/v1/crates/987654").statusCode());
        HttpResponse<String> badQuery = server.postJson("/api/v1/crates", "{\"name\": \"x\", \"query\": \"bpm:12..x\"}");
        assertEquals(400, badQuery.statusCode());
        assertTrue(json(badQuery.body()).path("detail").asText().contains("malformed"), badQuery.body());

        HttpResponse<String> smart = server.postJson("/api/v1/crates",
                "{\"name\": \"Electronic\", \"query\": \"genre:electronic\"}");
        assertEquals(201, smart.statusCode(), smart.body());
        long smartId = json(smart.body()).path("id").asLong();
        int found = allTracks(server, "genre:electronic").size();
        assertTrue(found > 0);
        assertEquals(found, ok(server.get("/api/v1/crates/" + smartId + "/tracks")).path("total").asInt());
        HttpResponse<String> handAdd = server.postJson("/api/v1/crates/" + smartId + "/tracks",
                "{\"trackIds\": [" + first + "]}");
        assertEquals(400, handAdd.statusCode(), "a smart crate's query chooses its tracks");

        HttpResponse<String> mix = server.postJson("/api/v1/mixes",
                "{\"seed\": {\"crateId\": \"" + crate + "\"}, \"options\": {\"length\": 2}}");
        assertEquals(201, mix.statusCode(), mix.body());
        JsonNode view = json(mix.body());
        Set<Long> planned = new TreeSet<>();
        view.path("plan").forEach(entry -> planned.add(entry.path("trackId").asLong()));
        assertTrue(!planned.isEmpty() && Set.of(first, second).containsAll(planned),
                "the mix plays only the crate's tracks: " + view);
        server.delete("/api/v1/mixes/" + view.path("id").asText());

        JsonNode openApi = ok(server.get("/api/v1/openapi.json"));
        for (String path : List.of("/crates", "/crates/{id}/tracks", "/library/albums", "/library/duplicates")) {
            assertTrue(openApi.path("paths").has(path), path + " is in the OpenAPI document");
        }
    }

    @Test
    @Order(4)
    void theConsolesLibraryPagesWorkInChromium() throws IOException, InterruptedException {
        ConsoleBrowser.Run run = browser.run("e2e/library.spec.ts", Map.of(
                "DECKHAND_URL", "http://127.0.0.1:" + server.port(),
                "DECKHAND_PASSWORD", DeckhandProcess.PASSWORD,
                "DECKHAND_E2E_TRACKS", Integer.toString(ids.size())));
        assertEquals(0, run.exitStatus(), "the library pages' browser tests failed:\n" + run.output()
                + "\nserver output:\n" + server.output());
    }

    private Path copy(Path formats, String format, String song, String name) throws IOException {
        try (Stream<Path> files = Files.list(formats.resolve(format))) {
            Path source = files.filter(file -> file.getFileName().toString().startsWith(song + " ")).findFirst()
                    .orElseThrow();
            return Files.copy(source, music.resolve(name));
        }
    }

    private boolean analysed() {
        JsonNode queue = json(server.get("/api/v1/analysis/queue").body());
        if (queue.path("queued").asInt() != 0) {
            return false;
        }
        List<JsonNode> all = allTracks(server, "");
        return all.size() == 6 && all.stream().allMatch(track -> track.path("analyses").has("fingerprint"));
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
