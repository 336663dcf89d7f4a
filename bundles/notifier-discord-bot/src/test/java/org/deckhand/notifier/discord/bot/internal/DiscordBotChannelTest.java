package org.deckhand.notifier.discord.bot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.TrackMetadata;
import org.deckhand.api.notify.ChannelSettings;
import org.deckhand.api.notify.Delivery;
import org.deckhand.api.notify.Field;
import org.deckhand.api.notify.InvalidChannelSettingsException;
import org.deckhand.api.notify.Kind;
import org.deckhand.api.notify.Level;
import org.deckhand.api.notify.Message;
import org.deckhand.api.notify.NotificationChannel;
import org.deckhand.api.runtime.RuntimeProperties;
import org.deckhand.api.search.IndexedTrack;
import org.deckhand.catalog.internal.DerbyCatalog;
import org.deckhand.search.internal.TrackIndexComponent;
import org.deckhand.testing.database.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/**
 * JDA against the loopback Discord stand-in (REST and gateway), with the server's real search index (Lucene) and
 * catalog (Derby) answering the slash commands.
 */
class DiscordBotChannelTest {

    private static final String TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMw.GstAnD.in-token-for-the-test-only";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path data;
    private DerbyCatalog catalog;
    private TrackIndexComponent index;
    private DiscordStandIn discord;
    private DiscordBotChannelType type;
    private NotificationChannel channel;

    @BeforeEach
    void open() throws Exception {
        catalog = new DerbyCatalog(data.resolve("catalog"), TestDatabases.engine());
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty") && RuntimeProperties.DATA.equals(args[0])) {
                        return data.toString();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        index = new TrackIndexComponent(context);
        add("Surgeon", "Soul Fire", 136.0);
        add("Surgeon", "Compliance Momentum", 141.0);
        add("Floorplan", "Never Grow Old", 124.0);
        add("Robert Hood", "Minus", 130.0);
        index.commit();
        discord = new DiscordStandIn(TOKEN);
        type = new DiscordBotChannelType(discord.apiBase(), WAIT, index, catalog, null, "http://192.168.1.20:8750");
    }

    private void add(String artist, String title, double bpm) {
        CatalogTrack track = catalog.add(new AudioFile(Path.of("/music/" + title + ".flac"), 1000, Instant.EPOCH,
                "flac", title, null), new TrackMetadata("flac", new Tags(title, List.of(artist), null, null, null,
                null, null, null, null, null, null, null, null), new AudioProperties("flac", 300, 900, 44_100, 16, 2,
                true), ReplayGain.NONE, false, List.of()), Instant.EPOCH);
        index.put(new IndexedTrack(track.id(), List.of(artist), title, null, null, null, null, bpm, null, null,
                300.0, "flac", Instant.EPOCH, Map.of()));
    }

    @AfterEach
    void close() throws Exception {
        if (channel != null) {
            channel.close();
        }
        discord.close();
        index.deactivate();
        catalog.close();
    }

    private NotificationChannel openChannel(String token) throws InvalidChannelSettingsException {
        channel = type.open(new ChannelSettings("7", Map.of(DiscordBotChannelType.TOKEN, token,
                DiscordBotChannelType.CHANNEL, DiscordStandIn.CHANNEL)));
        return channel;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + WAIT + ": " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void theBotLogsInThroughTheGatewayPostsMessagesAndKeepsItsSessionAlive() throws Exception {
        openChannel(TOKEN).start();
        Message message = Message.of(Kind.LIBRARY, Level.WARNING, "3 problems found", "Two files could not be read")
                .withFields(List.of(new Field("Folder", "/music/incoming")))
                .withLink(URI.create("http://nas.local:8080/console/problems"));

        Delivery delivery = channel.send(message);

        Delivery.Delivered delivered = assertInstanceOf(Delivery.Delivered.class, delivery, delivery.toString());
        List<String> routes = discord.requests().stream().map(r -> r.method() + " " + r.path()).toList();
        assertTrue(routes.contains("GET /api/v10/gateway/bot"), "the gateway's address came from REST: " + routes);
        JsonNode identify = discord.identifies().get(0);
        assertEquals(TOKEN, identify.path("token").asText(), "IDENTIFY carries the bot token");
        assertEquals(List.of(0, 1), List.of(identify.path("shard").path(0).asInt(), identify.path("shard").path(1)
                .asInt()));
        DiscordStandIn.Request posted = discord.requests().stream()
                .filter(r -> r.path().equals("/api/v10/channels/" + DiscordStandIn.CHANNEL + "/messages"))
                .findFirst().orElseThrow();
        assertEquals("Bot " + TOKEN, posted.authorization());
        JsonNode embed = posted.body().path("embeds").path(0);
        assertEquals("3 problems found", embed.path("title").asText());
        assertEquals("Two files could not be read", embed.path("description").asText());
        assertEquals("http://nas.local:8080/console/problems", embed.path("url").asText());
        assertEquals(0xF1C40F, embed.path("color").asInt(), "a warning is amber");
        assertEquals("/music/incoming", embed.path("fields").path(0).path("value").asText());
        assertEquals(message.id().replace("-", "").substring(0, 25), posted.body().path("nonce").asText());
        assertTrue(posted.body().path("enforce_nonce").asBoolean(), "Discord drops a resend of the same message");
        assertFalse(delivered.receiverId().isEmpty(), "Discord's message id is kept");

        int beats = discord.heartbeats();
        await("heartbeats every " + DiscordStandIn.HEARTBEAT_INTERVAL + " ms, each acknowledged",
                () -> discord.heartbeats() >= beats + 2);
        assertEquals(1, discord.identifies().size(), "one session: no reconnect while heartbeats are acknowledged");
    }

    @Test
    void slashCommandsAreRegisteredAndAnsweredFromTheRealSearchIndexAndCatalog() throws Exception {
        openChannel(TOKEN).start();
        await("/deckhand registered", () -> discord.requests().stream()
                .anyMatch(r -> r.method().equals("PUT") && r.path().endsWith("/commands")));
        JsonNode command = discord.requests().stream().filter(r -> r.method().equals("PUT")).findFirst()
                .orElseThrow().body().path(0);
        assertEquals("deckhand", command.path("name").asText());
        List<String> subcommands = new ArrayList<>();
        command.path("options").forEach(option -> subcommands.add(option.path("name").asText()));
        assertEquals(List.of("search", "status", "mix"), subcommands);

        String searchId = discord.interact(DiscordStandIn.CHANNEL, "search", "artist:surgeon bpm:>135");
        DiscordStandIn.Request search = discord.nextCallback(WAIT);
        assertTrue(search.path().contains("/interactions/" + searchId + "/interaction-token-" + searchId + "/"));
        assertEquals("with_response=true", search.query());
        assertEquals(4, search.body().path("type").asInt(), "CHANNEL_MESSAGE_WITH_SOURCE");
        String answer = search.body().path("data").path("content").asText();
        assertTrue(answer.contains("2 tracks"), answer);
        assertTrue(answer.contains("Surgeon – Soul Fire"), answer);
        assertTrue(answer.contains("Surgeon – Compliance Momentum"), answer);
        assertFalse(answer.contains("Floorplan"), answer);

        discord.interact(DiscordStandIn.CHANNEL, "search", "bpm:12x");
        String error = discord.nextCallback(WAIT).body().path("data").path("content").asText();
        assertTrue(error.contains("'bpm' takes a number"), error);

        discord.interact(DiscordStandIn.CHANNEL, "status", null);
        String status = discord.nextCallback(WAIT).body().path("data").path("content").asText();
        assertTrue(status.startsWith("Deckhand: 4 tracks (4 FLAC), 0 missing"), status);

        discord.interact(DiscordStandIn.CHANNEL, "mix", "artist:surgeon");
        String mix = discord.nextCallback(WAIT).body().path("data").path("content").asText();
        assertEquals("Mix `artist:surgeon`: the mixer does not run on this server.", mix);

        discord.interact(DiscordStandIn.OTHER_CHANNEL, "status", null);
        JsonNode elsewhere = discord.nextCallback(WAIT).body().path("data");
        assertEquals("Deckhand answers in <#" + DiscordStandIn.CHANNEL + ">.", elsewhere.path("content").asText());
        assertEquals(64, elsewhere.path("flags").asInt() & 64, "only the asker sees it (EPHEMERAL)");
    }

    @Test
    void aRateLimitedMessageIsSentAgainAfterDiscordsWait() throws Exception {
        openChannel(TOKEN).start();
        discord.rateLimitNextMessage();

        Delivery delivery = channel.send(Message.of(Kind.MIXER, Level.INFO, "Mix started", ""));

        assertInstanceOf(Delivery.Delivered.class, delivery, delivery.toString());
        long posts = discord.requests().stream().filter(r -> r.path().endsWith("/messages")).count();
        assertEquals(2, posts, "the 429 waited out, then sent once more; no Cloudflare ban assumed");
    }

    @Test
    void aRefusedTokenStopsTheChannelWithoutShowingTheToken() throws Exception {
        String wrong = "MTEwMDAwMDAwMDAwMDAwMDAwMw.WrOnG0.not-the-token-discord-knows";

        Delivery delivery = openChannel(wrong).send(Message.of(Kind.HEALTH, Level.ERROR, "Share gone", ""));

        Delivery.PermanentFailure failure = assertInstanceOf(Delivery.PermanentFailure.class, delivery,
                delivery.toString());
        assertEquals(401, failure.statusCode());
        assertTrue(failure.reason().contains("refused the bot token"), failure.reason());
        assertFalse(failure.reason().contains(wrong));
        assertTrue(discord.identifies().isEmpty(), "no gateway session without a valid token");
        int refused = discord.requests().size();
        Thread.sleep(BotSession.FIRST_RETRY.toMillis() + 1_000);
        assertEquals(refused, discord.requests().size(), "a refused token is not tried again");
    }

    @Test
    void aLoginThatMeetsDiscordDownIsRetriedWithBackoffAndTheChannelThenDelivers() throws Exception {
        discord.failLogins(Integer.MAX_VALUE);
        openChannel(TOKEN).start();

        Delivery early = channel.send(Message.of(Kind.LIBRARY, Level.INFO, "Scan done", ""));
        Delivery.TransientFailure retrying = assertInstanceOf(Delivery.TransientFailure.class, early,
                "a 502 while logging in is not a refused token: " + early);
        assertTrue(retrying.reason().contains("502") && retrying.reason().contains("retrying in"),
                retrying.reason());
        long failedLogins = discord.logins();
        await("a second login after the wait, without a message asking", () -> discord.logins() > failedLogins);

        discord.failLogins(0);
        await("the bot logs in once Discord is back", () -> !discord.identifies().isEmpty());
        Delivery later = channel.send(Message.of(Kind.LIBRARY, Level.INFO, "Scan done", ""));
        assertInstanceOf(Delivery.Delivered.class, later, later.toString());
    }

    @Test
    void aNetworkFailureWhileLoggingInIsTransient() throws Exception {
        String closed;
        try (java.net.ServerSocket unused = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            closed = "http://127.0.0.1:" + unused.getLocalPort() + "/api/v10/";
        }
        DiscordBotChannelType unreachable = new DiscordBotChannelType(closed, Duration.ofSeconds(5), index, catalog,
                null, "http://192.168.1.20:8750");
        channel = unreachable.open(new ChannelSettings("8", Map.of(DiscordBotChannelType.TOKEN, TOKEN,
                DiscordBotChannelType.CHANNEL, DiscordStandIn.CHANNEL)));
        channel.start();

        Delivery delivery = channel.send(Message.of(Kind.HEALTH, Level.ERROR, "Share gone", ""));

        Delivery.TransientFailure failure = assertInstanceOf(Delivery.TransientFailure.class, delivery,
                "Discord out of reach is not a refused token: " + delivery);
        assertFalse(failure.reason().contains(TOKEN), failure.reason());
    }

    @Test
    void aGatewaySessionClosedWith4004StopsTheChannel() throws Exception {
        discord.refuseGatewaySessions();

        Delivery delivery = openChannel(TOKEN).send(Message.of(Kind.HEALTH, Level.ERROR, "Share gone", ""));

        Delivery.PermanentFailure failure = assertInstanceOf(Delivery.PermanentFailure.class, delivery,
                delivery.toString());
        assertEquals(401, failure.statusCode());
        assertTrue(failure.reason().contains("refused the bot token"), failure.reason());
        assertEquals(1, discord.identifies().size(), "the gateway refused the session once; no retry");
    }

    @Test
    void openingChecksTheSettingsWithoutReachingDiscord() throws Exception {
        type.open(new ChannelSettings("new", Map.of(DiscordBotChannelType.TOKEN, TOKEN,
                DiscordBotChannelType.CHANNEL, DiscordStandIn.CHANNEL))).close();
        InvalidChannelSettingsException badId = assertThrows(InvalidChannelSettingsException.class,
                () -> type.open(new ChannelSettings("new", Map.of(DiscordBotChannelType.TOKEN, TOKEN,
                        DiscordBotChannelType.CHANNEL, "#deckhand"))));
        assertTrue(badId.getMessage().contains("#deckhand"), badId.getMessage());
        InvalidChannelSettingsException noToken = assertThrows(InvalidChannelSettingsException.class,
                () -> type.open(new ChannelSettings("new", Map.of(DiscordBotChannelType.CHANNEL,
                        DiscordStandIn.CHANNEL))));
        assertTrue(noToken.getMessage().contains("token"), noToken.getMessage());
        assertTrue(discord.requests().isEmpty(), "no request to Discord: " + discord.requests());
        assertTrue(type.settings().stream().filter(s -> s.key().equals(DiscordBotChannelType.TOKEN)).findFirst()
                .orElseThrow().secret(), "the token is a secret setting");
    }

    @Test
    void theTokenNeverReachesTheLog() throws Exception {
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile"));
        openChannel(TOKEN).start();
        assertInstanceOf(Delivery.Delivered.class, channel.send(Message.of(Kind.LIBRARY, Level.INFO, "Scan done",
                "")));
        channel.close();
        channel = null;
        String logged = Files.readString(log);
        assertTrue(logged.contains("Connected to WebSocket"), "JDA logs at debug level into " + log);
        assertFalse(logged.contains(TOKEN), "the token is in " + log);
        assertFalse(logged.contains(TOKEN.substring(TOKEN.lastIndexOf('.') + 1)), "part of the token is in " + log);
    }
}
