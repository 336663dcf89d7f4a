package org.deckhand.distribution;

import static org.deckhand.distribution.DeckhandProcess.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deckhand.notifier.discord.bot.internal.DiscordStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server's Discord bot, set up as a user sets it up: a channel of type {@code discord-bot} made over
 * REST with a bot token and a channel id; the bot logs in to the Discord stand-in on 127.0.0.1 (REST and gateway),
 * "send a test" arrives in the channel, {@code /deckhand status} and {@code /deckhand search} are answered from the
 * server's own catalog and search index, and {@code /deckhand mix} starts a mix of the server's mixer whose stream
 * the answer's address plays; the token is never returned or logged. The server is told the
 * stand-in's API base in {@code config/org.deckhand.notifier.discord.bot.cfg}, as only a test does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordBotIT {

    private static final String TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMw.GpAcKd.packaged-server-bot-token";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path root;

    private final ObjectMapper json = new ObjectMapper();
    private DiscordStandIn discord;
    private DeckhandProcess server;

    @BeforeAll
    void start() throws Exception {
        discord = new DiscordStandIn(TOKEN);
        Path music = Files.createDirectories(root.resolve("music"));
        Path track = Files.copy(Corpus.folder().resolve("labelled/mma_folk_111_Am.flac"), music.resolve("soul.flac"));
        Process tag = new ProcessBuilder("metaflac", "--remove-all-tags", "--set-tag=ARTIST=Surgeon",
                "--set-tag=TITLE=Soul Fire", track.toString()).inheritIO().start();
        assertEquals(0, tag.waitFor(), "metaflac cannot tag " + track);
        server = DeckhandProcess.start(root.resolve("deckhand"), "--music", music.toString());
        Files.writeString(server.home().resolve("config/org.deckhand.notifier.discord.bot.cfg"),
                "api.base = " + discord.apiBase() + "\n");
        server.awaitReady();
        assertTrue(eventually(() -> TrackSearch.json(server.get("/api/v1/library/stats").body()).path("tracks")
                .asInt() == 1, WAIT), "the library was not scanned in time");
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (discord != null) {
            discord.close();
        }
    }

    private static long residentKiB(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("VmRSS:")).map(line -> line.replaceAll("\\D", ""))
                .mapToLong(Long::parseLong).findFirst().orElseThrow();
    }

    @Test
    void aBotSetUpOverRestPostsTheTestMessageAndAnswersSlashCommandsFromTheServersLibrary() throws Exception {
        long before = residentKiB(server.process().pid());
        String request = "{\"type\": \"discord-bot\", \"name\": \"Deckhand bot\", \"settings\": {\"token\": \""
                + TOKEN + "\", \"channel\": \"" + DiscordStandIn.CHANNEL + "\"}}";
        AtomicReference<HttpResponse<String>> created = new AtomicReference<>();
        assertTrue(eventually(() -> {
            created.set(server.postJson("/api/v1/notifications/channels", request));
            return created.get().statusCode() == 201;
        }, WAIT), () -> "the channel was not created: " + created.get().statusCode() + " " + created.get().body());
        assertFalse(created.get().body().contains(TOKEN), created.get().body());
        String id = json.readTree(created.get().body()).path("id").asText();

        HttpResponse<String> test = server.postJson("/api/v1/notifications/channels/" + id + "/test", "");

        assertEquals(200, test.statusCode(), test.body());
        JsonNode outcome = json.readTree(test.body());
        assertEquals("delivered", outcome.path("result").asText(), test.body());
        List<DiscordStandIn.Request> posted = discord.requests().stream()
                .filter(r -> r.path().endsWith("/channels/" + DiscordStandIn.CHANNEL + "/messages")).toList();
        assertEquals(1, posted.size());
        assertEquals("Deckhand test message", posted.get(0).body().path("embeds").path(0).path("title").asText());
        assertTrue(eventually(() -> discord.requests().stream().anyMatch(r -> r.method().equals("PUT")
                && r.path().endsWith("/commands")), WAIT), "/deckhand registered");

        discord.interact(DiscordStandIn.CHANNEL, "status", null);
        String status = discord.nextCallback(WAIT).body().path("data").path("content").asText();
        assertTrue(status.startsWith("Deckhand: 1 track (1 FLAC), 0 missing"), status);
        discord.interact(DiscordStandIn.CHANNEL, "search", "artist:surgeon");
        String search = discord.nextCallback(WAIT).body().path("data").path("content").asText();
        assertEquals("Search `artist:surgeon`: 1 track:\n• Surgeon – Soul Fire", search);

        discord.interact(DiscordStandIn.CHANNEL, "mix", "artist:nobody");
        String nothing = discord.nextCallback(WAIT).body().path("data").path("content").asText();
        assertTrue(nothing.startsWith("Mix `artist:nobody`: "), nothing);
        discord.interact(DiscordStandIn.CHANNEL, "mix", "artist:surgeon");
        String mix = discord.nextCallback(WAIT).body().path("data").path("content").asText();
        Matcher stream = Pattern.compile("Stream \\(MP3\\): (http://127\\.0\\.0\\.1:" + server.port()
                + "/stream/(\\S+)\\.mp3\\?token=\\S+)").matcher(mix);
        assertTrue(stream.find(), mix);
        assertTrue(mix.contains("/stream/" + stream.group(2) + ".m3u?token="), mix);
        assertEquals("PLAYING", json.readTree(server.get("/api/v1/mixes/" + stream.group(2)).body()).path("state")
                .asText());
        try (StreamListener player = StreamListener.open(URI.create(stream.group(1)), false, false)) {
            assertEquals(200, player.status(), "the stream the bot gave does not open");
            assertTrue(player.listen(Duration.ofSeconds(1)), "the stream the bot gave does not play");
        }
        long after = residentKiB(server.process().pid());
        System.out.printf("Resident memory of the packaged server: %,d KiB before the bot, %,d KiB with it "
                + "connected (%+,d KiB)%n", before, after, after - before);

        for (String path : List.of("/api/v1/notifications/channels", "/api/v1/notifications/history")) {
            String body = server.get(path).body();
            assertFalse(body.contains(TOKEN), path + " shows the bot token: " + body);
        }
        assertFalse(server.output().contains(TOKEN), "the server logged the bot token");
    }
}
