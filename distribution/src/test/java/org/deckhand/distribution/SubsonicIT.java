package org.deckhand.distribution;

import static org.deckhand.distribution.DeckhandProcess.eventually;
import static org.deckhand.distribution.TrackSearch.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server's Subsonic API at {@code /rest/}, on real corpus files: a Subsonic client library written by
 * others ({@code subsonic-api} from the npm registry, run with node) signs in with an API key, a token and by form
 * POST, browses, searches, syncs the library with the empty query, streams a song that ffmpeg then decodes and
 * fetches cover art; XML answers validate against {@code subsonic-rest-api-1.16.1.xsd} and JSON answers against the
 * OpenSubsonic OpenAPI document's schemas; bad input gets the spec's error codes, never an HTTP 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubsonicIT {

    private static final Path FIXTURES = Path.of(System.getProperty("deckhand.fixtures", "../../shared/fixtures"))
            .resolve("opensubsonic");
    private static final Path CLIENT = Path.of("..", "bundles", "subsonic", "src", "test", "node");
    private static final String PLAYER = "dj";
    private static final String PLAYER_PASSWORD = "turntables-and-a-microphone";
    private static final int COVER_SIZE = 300;

    /** Tracks of the labelled corpus, tagged as a DJ's files are; the first carries a front cover. */
    private static final List<String[]> LIBRARY = List.of(
            new String[] {"mma_folk_111_Am.flac", "MMA Folk", "Folk in A Minor", "Grooves", "Folk"},
            new String[] {"mma_bvfunk_105_Eb.flac", "MMA Grooves", "BV Funk", "Grooves", "Funk"},
            new String[] {"midi_blupi_music006.flac", "Planet Blupi", "Music 6", "Blupi", "Game"},
            new String[] {"midi_openmsx_no_work_song_redfarn.flac", "Redfarn", "No Work Song", "openMSX", "Game"});

    /** The lyrics of each track: in its tags, but for the second, whose are in an LRC file beside it. */
    private static final String[] LYRICS = {
        "[00:01.00]Folk line one\n[00:03.50]Folk line two",
        "[offset:-100]\n[00:02.00]Funk from the LRC file",
        "Blupi sings\nwithout times",
        "No work\nall play"};

    @TempDir
    static Path root;

    private DeckhandProcess server;
    private String apiKey;
    private Path music;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() throws IOException, InterruptedException {
        Path labelled = Corpus.folder().resolve("labelled");
        music = Files.createDirectories(root.resolve("music"));
        Path cover = root.resolve("cover.jpg");
        BufferedImage image = new BufferedImage(800, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, 800, 800);
        graphics.dispose();
        ImageIO.write(image, "jpg", cover.toFile());
        for (int i = 0; i < LIBRARY.size(); i++) {
            String[] file = LIBRARY.get(i);
            Path copy = Files.copy(labelled.resolve(file[0]), music.resolve(file[0]));
            List<String> command = new ArrayList<>(List.of("metaflac", "--remove-all-tags",
                    "--set-tag=ARTIST=" + file[1], "--set-tag=TITLE=" + file[2], "--set-tag=ALBUM=" + file[3],
                    "--set-tag=GENRE=" + file[4], "--set-tag=TRACKNUMBER=" + (i + 1)));
            if (i == 0) {
                command.add("--import-picture-from=3|image/jpeg|||" + cover);
            }
            if (i != 1) {
                command.add("--set-tag=LYRICS=" + LYRICS[i]);
            }
            command.add(copy.toString());
            Ran tagged = run(command);
            assertEquals(0, tagged.exitValue(), "metaflac cannot tag " + copy + ": " + tagged.errors());
        }
        Files.writeString(music.resolve(LIBRARY.get(1)[0].replace(".flac", ".lrc")), LYRICS[1]);
        server = DeckhandProcess.start(root.resolve("deckhand"), "--music", music.toString());
        server.awaitReady();
        assertTrue(eventually(() -> json(server.get("/api/v1/library/stats").body()).path("tracks").asInt()
                == LIBRARY.size(), Duration.ofSeconds(90)), "the library was not scanned in time");
        apiKey = json(server.postJson("/api/v1/keys", "{\"name\": \"phone\"}").body()).path("token").asText();
        assertEquals(200, server.putJson("/api/v1/subsonic/player",
                "{\"username\": \"" + PLAYER + "\", \"password\": \"" + PLAYER_PASSWORD + "\"}").statusCode());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSubsonicClientLibrarySignsInBrowsesSearchesSyncsStreamsAndFetchesCoverArt() throws Exception {
        Path work = Files.createDirectories(root.resolve("client"));
        for (String file : List.of("package.json", "client.mjs")) {
            Files.copy(CLIENT.resolve(file), work.resolve(file));
        }
        Ran install = run(List.of("npm", "install", "--no-audit", "--no-fund", "--silent"), work);
        assertEquals(0, install.exitValue(), "npm cannot install subsonic-api: " + install.errors());
        HttpResponse<String> mix = server.postJson("/api/v1/mixes", "{\"seed\": {\"query\": \"Folk\"}}");
        assertEquals(201, mix.statusCode(), mix.body());
        String mixId = json(mix.body()).path("id").asText();
        Path stream = root.resolve("streamed");
        Path cover = root.resolve("cover-300.jpg");
        Process client = new ProcessBuilder("node", "client.mjs", "http://127.0.0.1:" + server.port(), apiKey, PLAYER,
                PLAYER_PASSWORD, stream.toString(), cover.toString()).directory(work.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(client.waitFor(120, TimeUnit.SECONDS) && client.exitValue() == 0, "the client failed: " + output);
        JsonNode report = json(output);

        assertEquals("ok", report.path("pingByKey").asText());
        assertEquals("ok", report.path("pingByToken").asText());
        assertEquals("ok", report.path("pingByPost").asText());
        assertEquals(40, report.path("wrongPassword").asInt());
        assertEquals(44, report.path("wrongKey").asInt());
        assertTrue(report.path("openSubsonic").asBoolean());
        assertEquals("deckhand", report.path("type").asText());
        assertTrue(texts(report.path("extensions")).containsAll(List.of("apiKeyAuthentication", "formPost",
                "deckhandKey")));
        assertEquals(Set.of("MMA Folk", "MMA Grooves", "Planet Blupi", "Redfarn"), Set.copyOf(texts(report.path(
                "artists"))));
        assertEquals(List.of("BV Funk", "Folk in A Minor", "Music 6", "No Work Song"), texts(report.path("titles")));
        List<String> songs = texts(report.path("songs"));
        List<String> synced = texts(report.path("synced"));
        assertEquals(songs, synced.stream().sorted().toList(), "the empty-query sync must give every song once");
        assertEquals(List.of("Folk in A Minor"), texts(report.path("searchFolk")));
        assertEquals(List.of("Folk", "Funk", "Game"), texts(report.path("genres")));
        assertEquals(4, report.path("newest").asInt(), "albums are grouped by album artist and title");
        assertEquals(3, report.path("random").asInt());
        JsonNode stations = report.path("radioStations");
        assertEquals(1, stations.size(), "the live mix is a station: " + stations);
        assertEquals(mixId, stations.path(0).path("id").asText());
        assertTrue(stations.path(0).path("name").asText().startsWith("Deckhand mix from query Folk"),
                stations.toString());
        assertTrue(stations.path(0).path("streamUrl").asText().startsWith("http://127.0.0.1:" + server.port()
                + "/stream/" + mixId + ".mp3?token="), stations.toString());
        assertEquals("http://127.0.0.1:" + server.port() + "/mixes/" + mixId,
                stations.path(0).path("homePageUrl").asText());
        assertEquals("[{\"lang\":\"und\",\"synced\":true,\"offset\":null,\"line\":[{\"start\":1000,"
                + "\"value\":\"Folk line one\"},{\"start\":3500,\"value\":\"Folk line two\"}]}]",
                report.path("lyricsFolk").toString());
        assertEquals("[{\"lang\":\"und\",\"synced\":true,\"offset\":-100,\"line\":[{\"start\":2000,"
                + "\"value\":\"Funk from the LRC file\"}]}]", report.path("lyricsFunk").toString());
        assertEquals("No work\nall play", report.path("lyricsByName").asText());
        assertTrue(texts(report.path("extensions")).contains("songLyrics"));
        assertEquals(200, report.path("radioStatus").asInt());
        assertEquals("audio/mpeg", report.path("radioType").asText());
        Ran tuned = run(List.of("ffmpeg", "-v", "error", "-f", "mp3", "-i", stream + ".radio.mp3", "-f", "null",
                "-"));
        assertEquals(0, tuned.exitValue(), "ffmpeg cannot decode what the station played: " + tuned.errors());

        String streamed = report.path("streamedSong").asText();
        assertTrue(texts(report.path("starredSongs")).contains(streamed));
        assertTrue(texts(report.path("starredAlbums")).contains(report.path("starredAlbum").asText()));
        assertEquals(4, report.path("userRating").asInt());
        assertEquals(report.path("playCountBefore").asInt() + 1, report.path("playCount").asInt());
        assertTrue(report.path("frequentHasAlbum").asBoolean(), "the scrobbled song's album counts a play");
        assertTrue(texts(report.path("nowPlaying")).contains(streamed));
        assertTrue(!texts(report.path("starredAfterUnstar")).contains(streamed));
        assertEquals(texts(report.path("playlistExpected")), texts(report.path("playlistEntries")));
        assertTrue(texts(report.path("playlists")).contains("Warm-up"));
        assertTrue(!texts(report.path("playlistsAfterDelete")).contains("Warm-up"));
        assertEquals(texts(report.path("queueExpected")), texts(report.path("queue")));
        assertEquals(61_000, report.path("queuePosition").asLong());

        assertEquals(200, report.path("streamStatus").asInt());
        assertEquals("audio/flac", report.path("streamType").asText());
        Ran ffmpeg = run(List.of("ffmpeg", "-v", "error", "-i", stream.toString(), "-f", "null", "-"));
        assertEquals(0, ffmpeg.exitValue(), "ffmpeg cannot decode the streamed song");
        assertEquals("", ffmpeg.errors(), "ffmpeg found errors in the streamed song");
        assertEquals(200, report.path("transcodedStatus").asInt());
        assertEquals("audio/ogg", report.path("transcodedType").asText());
        assertEquals("opus", codec(Path.of(stream + ".opus")));

        assertEquals(200, report.path("coverStatus").asInt());
        assertEquals("image/jpeg", report.path("coverType").asText());
        BufferedImage thumbnail = ImageIO.read(cover.toFile());
        assertEquals(COVER_SIZE, thumbnail.getWidth());
        assertEquals(COVER_SIZE, thumbnail.getHeight());
    }

    @Test
    void plainAndHexPasswordsSignInAndStreamsAnswerByteRanges() throws Exception {
        assertEquals("ok", status(call("ping", "u", PLAYER, "p", PLAYER_PASSWORD)));
        String hex = HexFormat.of().formatHex(PLAYER_PASSWORD.getBytes(StandardCharsets.UTF_8));
        assertEquals("ok", status(call("ping", "u", PLAYER, "p", "enc:" + hex)));
        JsonNode song = json(call("getSong", "apiKey", apiKey, "id", firstSongId(), "f", "json"))
                .path("subsonic-response").path("song");
        String file = LIBRARY.stream().filter(tags -> tags[2].equals(song.path("title").asText())).findFirst()
                .orElseThrow()[0];
        HttpResponse<byte[]> range = http.send(HttpRequest.newBuilder(uri("stream", "apiKey", apiKey, "id",
                song.path("id").asText())).header("Range", "bytes=100-1099").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, range.statusCode());
        assertEquals("bytes 100-1099/" + Files.size(music.resolve(file)),
                range.headers().firstValue("Content-Range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(Files.readAllBytes(music.resolve(file)), 100, 1100), range.body());
    }

    @Test
    void streamTranscodesToMp3FromAnOffsetWhenAskedAndFfmpegDecodesIt() throws Exception {
        JsonNode song = json(call("getSong", "apiKey", apiKey, "id", firstSongId(), "f", "json"))
                .path("subsonic-response").path("song");
        HttpResponse<byte[]> mp3 = http.send(HttpRequest.newBuilder(uri("stream", "apiKey", apiKey, "id",
                song.path("id").asText(), "maxBitRate", "128", "timeOffset", "10")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, mp3.statusCode());
        assertEquals("audio/mpeg", mp3.headers().firstValue("Content-Type").orElseThrow());
        assertTrue((mp3.body()[0] & 0xFF) == 0xFF && (mp3.body()[1] & 0xE0) == 0xE0,
                "the MP3 starts with a frame, as the mixer's encoder writes it (ffmpeg's starts with an ID3 tag)");
        Path file = root.resolve("transcoded.mp3");
        Files.write(file, mp3.body());
        assertEquals("mp3", codec(file));
        double expected = song.path("duration").asDouble() - 10;
        double duration = Double.parseDouble(probe(file, "format=duration"));
        assertTrue(Math.abs(duration - expected) < 1.5, "transcoded from 10 s on: " + duration + " s, not about "
                + expected);
        assertTrue(json(call("getOpenSubsonicExtensions", "f", "json")).toString().contains("transcodeOffset"));
    }

    private static String codec(Path file) throws Exception {
        return probe(file, "stream=codec_name");
    }

    private static String probe(Path file, String entry) throws Exception {
        Process ffprobe = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", entry, "-of",
                "default=noprint_wrappers=1:nokey=1", file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String output = new String(ffprobe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(ffprobe.waitFor(60, TimeUnit.SECONDS) && ffprobe.exitValue() == 0, "ffprobe cannot read " + file);
        return output.lines().findFirst().orElse("");
    }

    @Test
    void answersValidateAgainstTheSubsonicXsdAndTheOpenSubsonicSchemas() throws Exception {
        String songId = firstSongId();
        JsonNode album = json(call("getAlbumList2", "apiKey", apiKey, "type", "alphabeticalByName", "f", "json"))
                .path("subsonic-response").path("albumList2").path("album").get(0);
        String albumId = album.path("id").asText();
        String artistId = album.path("artistId").asText();
        call("star", "apiKey", apiKey, "id", songId, "albumId", albumId, "artistId", artistId);
        call("scrobble", "apiKey", apiKey, "id", songId);
        call("scrobble", "apiKey", apiKey, "id", songId, "submission", "false");
        call("savePlayQueue", "apiKey", apiKey, "id", songId, "current", songId, "position", "1500");
        String playlistId = json(call("createPlaylist", "apiKey", apiKey, "name", "Schema check", "songId", songId,
                "f", "json")).path("subsonic-response").path("playlist").path("id").asText();
        List<String[]> calls = List.of(
                new String[] {"ping"}, new String[] {"getLicense"}, new String[] {"getOpenSubsonicExtensions"},
                new String[] {"getMusicFolders"}, new String[] {"getIndexes"},
                new String[] {"getMusicDirectory", "id", "1"}, new String[] {"getMusicDirectory", "id", artistId},
                new String[] {"getMusicDirectory", "id", albumId}, new String[] {"getArtists"},
                new String[] {"getArtist", "id", artistId}, new String[] {"getAlbum", "id", albumId},
                new String[] {"getSong", "id", songId}, new String[] {"getGenres"},
                new String[] {"search3", "query", ""}, new String[] {"search3", "query", "funk"},
                new String[] {"getAlbumList2", "type", "newest"}, new String[] {"getAlbumList2", "type", "starred"},
                new String[] {"getAlbumList2", "type", "byYear", "fromYear", "1990", "toYear", "2030"},
                new String[] {"getAlbumList2", "type", "byGenre", "genre", "Game"},
                new String[] {"getRandomSongs"}, new String[] {"getSongsByGenre", "genre", "Funk"},
                new String[] {"getSimilarSongs2", "id", songId}, new String[] {"getTopSongs", "artist", "Redfarn"},
                new String[] {"getArtistInfo2", "id", artistId}, new String[] {"getAlbumInfo2", "id", albumId},
                new String[] {"getStarred2"}, new String[] {"getNowPlaying"}, new String[] {"getPlaylists"},
                new String[] {"getPlaylist", "id", playlistId}, new String[] {"getAlbumList2", "type", "frequent"},
                new String[] {"getAlbumList2", "type", "recent"}, new String[] {"setRating", "id", songId, "rating",
                    "5"}, new String[] {"getAlbumList2", "type", "highest"},
                new String[] {"getInternetRadioStations"}, new String[] {"getLyricsBySongId", "id", songId},
                new String[] {"getLyrics", "artist", "Redfarn", "title", "No Work Song"},
                new String[] {"getUser", "username", "apikey:phone"}, new String[] {"getScanStatus"},
                new String[] {"getPlayQueue"}, new String[] {"getSong", "id", "tr-999999"},
                new String[] {"getSong"});
        Schema xsd = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(FIXTURES.resolve("subsonic-rest-api-1.16.1.xsd").toFile());
        JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        for (String[] endpoint : calls) {
            String[] params = withKey(Arrays.copyOfRange(endpoint, 1, endpoint.length));
            String xml = call(endpoint[0], params);
            xsd.newValidator().validate(new StreamSource(new StringReader(xml)));
            JsonNode answer = json(call(endpoint[0], append(params, "f", "json")));
            Set<ValidationMessage> errors = schemas.getSchema(SchemaLocation.of(responseSchema(endpoint[0]).toUri()
                    .toString())).validate(answer);
            assertTrue(errors.isEmpty(), endpoint[0] + " " + Arrays.toString(params) + ": " + errors + "\n" + answer);
        }
    }

    @Test
    void badInputGetsTheSpecsErrorCodesAndNeverAnHttp500() throws Exception {
        String songId = firstSongId();
        assertEquals(10, code("getSong", "apiKey", apiKey));
        assertEquals(70, code("getSong", "apiKey", apiKey, "id", "tr-987654321"));
        assertEquals(70, code("getSong", "apiKey", apiKey, "id", "../../../etc/passwd"));
        assertEquals(70, code("stream", "apiKey", apiKey, "id", "/etc/passwd"));
        assertEquals(70, code("getAlbum", "apiKey", apiKey, "id", "al-../../x"));
        assertEquals(0, code("getCoverArt", "apiKey", apiKey, "id", songId, "size", "100000"));
        assertEquals(0, code("search3", "apiKey", apiKey, "query", "", "songOffset", "-1"));
        assertEquals(0, code("getAlbumList2", "apiKey", apiKey, "type", "loudest"));
        assertEquals(10, code("getAlbumList2", "apiKey", apiKey));
        assertEquals(10, code("getAlbumList2", "apiKey", apiKey, "type", "byYear"));
        assertEquals(0, code("getRandomSongs", "apiKey", apiKey, "size", "lots"));
        assertEquals(10, code("getAlbum"));
        assertEquals(43, code("ping", "apiKey", apiKey, "u", PLAYER, "p", PLAYER_PASSWORD));
        assertEquals(44, code("getArtists", "apiKey", "not-a-key"));
        assertEquals(40, code("getArtists", "u", PLAYER, "p", "enc:not-hex"));
        assertEquals(10, code("getArtists", "u", PLAYER, "t", "abc"));
        assertEquals(70, code("star", "apiKey", apiKey, "id", "tr-987654321"));
        assertEquals(0, code("setRating", "apiKey", apiKey, "id", songId, "rating", "9"));
        assertEquals(70, code("getPlaylist", "apiKey", apiKey, "id", "pl-987654"));
        assertEquals(70, code("getPlaylist", "apiKey", apiKey, "id", "../pl-1"));
        assertEquals(70, code("savePlayQueue", "apiKey", apiKey, "id", songId, "current", "tr-987654321"));
        assertEquals(0, code("scrobble", "apiKey", apiKey, "id", songId, "time", "yesterday"));
    }

    private String firstSongId() throws Exception {
        return json(call("search3", "apiKey", apiKey, "query", "", "f", "json")).path("subsonic-response")
                .path("searchResult3").path("song").get(0).path("id").asText();
    }

    private int code(String endpoint, String... params) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(endpoint, append(params, "f", "json")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), endpoint + " " + Arrays.toString(params));
        JsonNode answer = json(response.body()).path("subsonic-response");
        assertEquals("failed", answer.path("status").asText(), response.body());
        assertTrue(!answer.path("error").path("message").asText().isEmpty(), response.body());
        return answer.path("error").path("code").asInt();
    }

    private String call(String endpoint, String... params) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(endpoint, params)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), endpoint + ": " + response.body());
        return response.body();
    }

    private static String status(String xml) {
        return xml.replaceAll("(?s).*status=\"([a-z]+)\".*", "$1");
    }

    private URI uri(String endpoint, String... params) {
        StringBuilder query = new StringBuilder("c=deckhand-it&v=1.16.1");
        for (int i = 0; i < params.length; i += 2) {
            query.append('&').append(params[i]).append('=').append(URLEncoder.encode(params[i + 1],
                    StandardCharsets.UTF_8));
        }
        return URI.create("http://127.0.0.1:" + server.port() + "/rest/" + endpoint + ".view?" + query);
    }

    private String[] withKey(String[] params) {
        return append(params, "apiKey", apiKey);
    }

    private static String[] append(String[] params, String name, String value) {
        String[] all = Arrays.copyOf(params, params.length + 2);
        all[params.length] = name;
        all[params.length + 1] = value;
        return all;
    }

    /** @return the schema of an endpoint's JSON answer, as the OpenAPI document's endpoint file names it */
    private static Path responseSchema(String endpoint) throws IOException {
        Path file = FIXTURES.resolve("openapi/endpoints").resolve(endpoint + ".json");
        JsonNode response = json(Files.readString(file)).path("get").path("responses").path("200");
        if (response.has("$ref")) {
            file = file.resolveSibling(response.path("$ref").asText()).normalize();
            response = json(Files.readString(file));
        }
        String schema = response.path("content").path("application/json").path("schema").path("$ref").asText();
        return file.resolveSibling(schema).normalize();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static Ran run(List<String> command) throws IOException, InterruptedException {
        return run(command, null);
    }

    private static Ran run(List<String> command, Path directory) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process = builder.start();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), command + " did not end");
        return new Ran(process.exitValue(), errors);
    }

    /** A command that has ended: its exit status and its error output. */
    private record Ran(int exitValue, String errors) {
    }
}
