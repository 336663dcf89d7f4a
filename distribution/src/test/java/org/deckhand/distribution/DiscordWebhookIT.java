package org.deckhand.distribution;

import static org.deckhand.distribution.DeckhandProcess.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.deckhand.notifier.discord.internal.DiscordStandIn;
import org.deckhand.notifier.discord.internal.DiscordStandIn.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server posts to a Discord webhook as a user sets it up: a channel of type {@code discord-webhook}
 * made over REST with the webhook's URL, "send a test", and the message arrives at the Discord stand-in on
 * 127.0.0.1 (which validates it against Discord's OpenAPI document), confirmed with Discord's message id; the URL's
 * token is never returned. The server is told the stand-in's API base in
 * {@code config/org.deckhand.notifier.discord.cfg}, as only a test does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordWebhookIT {

    private static final String WEBHOOK = "1180000000000000042";

    @TempDir
    static Path root;

    private final ObjectMapper json = new ObjectMapper();
    private DiscordStandIn discord;
    private DeckhandProcess server;

    @BeforeAll
    void start() throws IOException {
        discord = new DiscordStandIn(Clock.systemUTC());
        server = DeckhandProcess.start(root.resolve("deckhand"));
        Files.writeString(server.home().resolve("config/org.deckhand.notifier.discord.cfg"),
                "api.base = " + discord.apiBase() + "\n");
        server.awaitReady();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (discord != null) {
            discord.close();
        }
    }

    @Test
    void aWebhookSetUpOverRestReceivesTheTestMessageAndItsTokenIsNeverShown() throws Exception {
        String url = discord.webhook(WEBHOOK);
        String token = url.substring(url.lastIndexOf('/') + 1);
        String request = "{\"type\": \"discord-webhook\", \"name\": \"Discord #deckhand\", "
                + "\"settings\": {\"url\": \"" + url + "\", \"username\": \"Deckhand\"}}";
        AtomicReference<HttpResponse<String>> created = new AtomicReference<>();
        assertTrue(eventually(() -> {
            created.set(server.postJson("/api/v1/notifications/channels", request));
            return created.get().statusCode() == 201;
        }, Duration.ofSeconds(30)), () -> "the channel was not created: " + created.get().statusCode() + " "
                + created.get().body());
        JsonNode channel = json.readTree(created.get().body());
        assertFalse(created.get().body().contains(token), created.get().body());

        HttpResponse<String> test = server.postJson("/api/v1/notifications/channels/" + channel.path("id").asText()
                + "/test", "");

        assertEquals(200, test.statusCode(), test.body());
        JsonNode outcome = json.readTree(test.body());
        assertEquals("delivered", outcome.path("result").asText(), test.body());
        List<Received> delivered = discord.delivered();
        assertEquals(1, delivered.size());
        Received message = delivered.get(0);
        assertEquals(List.of(), message.problems());
        assertTrue(message.waited());
        assertEquals("Deckhand", message.payload().path("username").asText());
        assertFalse(message.payload().path("embeds").path(0).path("title").asText().isEmpty());
        assertFalse(outcome.path("receiverId").asText().isEmpty(), "Discord's message id");
        for (String path : List.of("/api/v1/notifications/channels", "/api/v1/notifications/history")) {
            String body = server.get(path).body();
            assertFalse(body.contains(token), path + " shows the webhook's token: " + body);
        }
        assertFalse(server.output().contains(token), "the server logged the webhook's token");
    }
}
