package org.deckhand.notifier.discord.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.deckhand.api.notify.Attachment;
import org.deckhand.api.notify.ChannelSettings;
import org.deckhand.api.notify.Delivery;
import org.deckhand.api.notify.Field;
import org.deckhand.api.notify.InvalidChannelSettingsException;
import org.deckhand.api.notify.Kind;
import org.deckhand.api.notify.Level;
import org.deckhand.api.notify.Message;
import org.deckhand.api.notify.NotificationChannel;
import org.deckhand.notifier.discord.internal.DiscordStandIn.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Discord webhook channel against the loopback stand-in of Discord: every request it makes is one that
 * Discord's OpenAPI document accepts; Discord's rate limits are honoured exactly (the shared manual clock measures
 * every wait); an outage is a transient failure until Discord is back; a deleted webhook stops the channel.
 */
class DiscordWebhookChannelTest {

    private static final String WEBHOOK = "1180000000000000042";
    private static final String OTHER_WEBHOOK = "1180000000000000043";

    private final ManualClock clock = new ManualClock();
    private final DiscordStandIn discord = new DiscordStandIn(clock);
    private final DiscordWebhookChannelType type = new DiscordWebhookChannelType(discord.apiBase(),
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), clock, clock.pacer(),
            Duration.ofSeconds(5), Duration.ofSeconds(10));

    @AfterEach
    void everyRequestWasOneDiscordAccepts() {
        try {
            for (Received request : discord.received()) {
                assertEquals(List.of(), request.problems(), "what Discord would refuse in " + request.payload());
                assertTrue(request.waited(), "?wait=true, so that Discord confirms the message");
            }
        } finally {
            discord.close();
        }
    }

    private NotificationChannel open(String webhookId) throws InvalidChannelSettingsException {
        return type.open(new ChannelSettings("1", Map.of("url", discord.webhook(webhookId), "username", "Deckhand")));
    }

    private static Message message(String title) {
        return new Message("id-" + title, Kind.LIBRARY, Level.INFO, title, "", List.of(), Optional.empty(),
                Optional.empty(), Instant.parse("2026-12-07T12:00:00Z"), 1);
    }

    @Test
    void aMessageArrivesAsAnEmbedColouredByLevelWithItsCoverArtAttached() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
        Message added = new Message("m-1", Kind.LIBRARY, Level.WARNING, "3 problems found",
                "Broken files in /music/Incoming", List.of(new Field("Formats", "2 FLAC, 1 MP3")),
                Optional.of(URI.create("http://nas.local:8080/console/library")),
                Optional.of(new Attachment("Front Cover.jpg", "image/jpeg", jpeg)),
                Instant.parse("2026-12-07T12:00:00Z"), 3);

        Delivery delivery = open(WEBHOOK).send(added);

        Delivery.Delivered delivered = assertInstanceOf(Delivery.Delivered.class, delivery);
        Received request = discord.delivered().get(0);
        assertEquals(1, discord.delivered().size());
        assertEquals("multipart/form-data", request.contentType());
        assertEquals(200, delivered.statusCode());
        assertFalse(delivered.receiverId().isEmpty(), "Discord's message id");
        assertEquals("Front_Cover.jpg", request.files().get(0).filename());
        assertEquals("image/jpeg", request.files().get(0).contentType());
        assertArrayEquals(jpeg, request.files().get(0).bytes());
        JsonNode embed = request.payload().path("embeds").path(0);
        assertEquals("3 problems found", embed.path("title").asText());
        assertEquals(0xF1C40F, embed.path("color").asInt());
        assertEquals("attachment://Front_Cover.jpg", embed.path("thumbnail").path("url").asText());
        assertEquals("http://nas.local:8080/console/library", embed.path("url").asText());
        assertEquals("Formats", embed.path("fields").path(0).path("name").asText());
        assertEquals("Deckhand · Library · 3 events", embed.path("footer").path("text").asText());
        assertEquals("Deckhand", request.payload().path("username").asText());
        assertEquals(0, request.payload().path("allowed_mentions").path("parse").size(), "no one is pinged");
    }

    @Test
    void eachLevelHasItsColour() throws Exception {
        NotificationChannel channel = open(WEBHOOK);
        for (Level level : Level.values()) {
            clock.advance(DiscordStandIn.WINDOW);
            channel.send(new Message("c-" + level, Kind.HEALTH, level, level.name(), "", List.of(),
                    Optional.empty(), Optional.empty(), clock.instant(), 1));
        }
        List<Integer> colours = discord.delivered().stream()
                .map(request -> request.payload().path("embeds").path(0).path("color").asInt()).toList();
        assertEquals(List.of(0x3498DB, 0xF1C40F, 0xE74C3C, 0x992D22), colours);
    }

    @Test
    void aDigestTooLongForOneMessageArrivesAsSeveralThatDiscordAccepts() throws Exception {
        List<Field> fields = IntStream.range(0, 80)
                .mapToObj(i -> new Field("Artist " + i, "Album title ".repeat(90))).toList();
        Message digest = message("2,048 tracks added").withFields(fields);

        Delivery delivery = open(WEBHOOK).send(digest);

        assertInstanceOf(Delivery.Delivered.class, delivery);
        List<Received> delivered = discord.delivered();
        assertTrue(delivered.size() > 1, delivered.size() + " messages");
        List<String> names = new ArrayList<>();
        delivered.forEach(request -> request.payload().path("embeds").forEach(embed -> embed.path("fields")
                .forEach(field -> names.add(field.path("name").asText()))));
        assertEquals(fields.stream().map(Field::name).toList(), names);
        assertEquals(delivered.size(), ((Delivery.Delivered) delivery).receiverId().split(",").length);
    }

    @Test
    void aDigestInterruptedByARateLimitGoesOnFromThePartNotYetDelivered() throws Exception {
        DiscordWebhookChannelType waitsNothing = new DiscordWebhookChannelType(discord.apiBase(),
                HttpClient.newHttpClient(), clock, clock.pacer(), Duration.ofSeconds(5), Duration.ZERO);
        NotificationChannel channel = waitsNothing.open(new ChannelSettings("1", Map.of("url",
                discord.webhook(WEBHOOK))));
        for (int i = 0; i < DiscordStandIn.LIMIT - 1; i++) {
            channel.send(message("m" + i));
        }
        Message digest = message("digest").withFields(IntStream.range(0, 40)
                .mapToObj(i -> new Field("Artist " + i, "Album title ".repeat(80))).toList());

        Delivery delivery = channel.send(digest);
        int attempts = 1;
        assertInstanceOf(Delivery.RetryAfter.class, delivery, "the bucket is empty after the digest's first part");
        while (delivery instanceof Delivery.RetryAfter held && attempts < 10) {
            clock.advance(Duration.ofNanos(Math.round(held.seconds() * 1e9)));
            delivery = channel.send(digest);
            attempts++;
        }

        assertInstanceOf(Delivery.Delivered.class, delivery);
        List<String> names = new ArrayList<>();
        discord.delivered().forEach(request -> request.payload().path("embeds").forEach(embed -> embed
                .path("fields").forEach(field -> names.add(field.path("name").asText()))));
        assertEquals(IntStream.range(0, 40).mapToObj(i -> "Artist " + i).toList(), names,
                "each part of the digest once, in order");
        assertEquals(0, discord.received().stream().filter(request -> request.status() == 429).count());
    }

    @Test
    void noneRemainingInTheBucketIsWaitedOutExactlyAndDiscordNeverAnswers429() throws Exception {
        NotificationChannel channel = open(WEBHOOK);
        clock.advance(Duration.ofMillis(1));
        for (int i = 0; i < DiscordStandIn.LIMIT + 1; i++) {
            assertInstanceOf(Delivery.Delivered.class, channel.send(message("m" + i)));
            clock.advance(Duration.ofMillis(100));
        }
        assertEquals(List.of(Duration.ofMillis(1500)), clock.pauses(),
                "the fifth answer's Reset-After of 1.6 s, less the 0.1 s gone by since");
        List<Received> received = discord.received();
        assertEquals(received.get(0).at().plus(DiscordStandIn.WINDOW), received.get(DiscordStandIn.LIMIT).at(),
                "the sixth request goes when the bucket's window ends");
        assertEquals(0, discord.received().stream().filter(request -> request.status() == 429).count());
    }

    @Test
    void a429IsHandedBackWithItsRetryAfterAndTheNextRequestWaitsItExactly() throws Exception {
        NotificationChannel first = open(WEBHOOK);
        for (int i = 0; i < DiscordStandIn.LIMIT; i++) {
            first.send(message("a" + i));
        }
        clock.advance(Duration.ofMillis(766));
        DiscordWebhookChannelType anotherServer = new DiscordWebhookChannelType(discord.apiBase(),
                HttpClient.newHttpClient(), clock, clock.pacer(), Duration.ofSeconds(5), Duration.ofSeconds(10));
        NotificationChannel second = anotherServer.open(new ChannelSettings("1", Map.of("url",
                discord.webhook(WEBHOOK))));

        Delivery limited = second.send(message("b"));

        Delivery.RetryAfter retryAfter = assertInstanceOf(Delivery.RetryAfter.class, limited);
        assertEquals(1.234, retryAfter.seconds());
        assertEquals(429, retryAfter.statusCode());
        assertInstanceOf(Delivery.Delivered.class, second.send(message("b")));
        assertEquals(List.of(Duration.ofMillis(1234)), clock.pauses());
        assertEquals(List.of(429, 200), discord.received().stream().skip(DiscordStandIn.LIMIT)
                .map(Received::status).toList());
    }

    @Test
    void channelsOnTheSameWebhookShareItsBucket() throws Exception {
        NotificationChannel first = open(WEBHOOK);
        NotificationChannel second = open(WEBHOOK);
        for (int i = 0; i < DiscordStandIn.LIMIT; i++) {
            first.send(message("a" + i));
        }

        assertInstanceOf(Delivery.Delivered.class, second.send(message("b")));

        assertEquals(List.of(DiscordStandIn.WINDOW), clock.pauses(), "the second channel waited for the bucket");
        assertEquals(0, discord.received().stream().filter(request -> request.status() == 429).count());
    }

    @Test
    void aGlobal429HoldsEveryWebhookForItsRetryAfter() throws Exception {
        NotificationChannel first = open(WEBHOOK);
        NotificationChannel other = open(OTHER_WEBHOOK);
        discord.globalLimitNext(Duration.ofMillis(2500));

        Delivery limited = first.send(message("a"));
        Delivery delivered = other.send(message("b"));

        Delivery.RetryAfter retryAfter = assertInstanceOf(Delivery.RetryAfter.class, limited);
        assertEquals(2.5, retryAfter.seconds());
        assertTrue(retryAfter.reason().contains("global"), retryAfter.reason());
        assertInstanceOf(Delivery.Delivered.class, delivered);
        assertEquals(List.of(Duration.ofMillis(2500)), clock.pauses(), "the other webhook waited the global limit");
    }

    @Test
    void anOutageIsTransientAndTheMessagesArriveInOrderOnceDiscordIsBack() throws Exception {
        NotificationChannel channel = open(WEBHOOK);
        discord.outage(Duration.ofSeconds(30));
        List<Delivery> outcomes = new ArrayList<>();
        Delivery delivery = channel.send(message("first"));
        for (long backoff = 1; !(delivery instanceof Delivery.Delivered); backoff *= 2) {
            outcomes.add(delivery);
            clock.advance(Duration.ofSeconds(backoff));
            delivery = channel.send(message("first"));
        }
        channel.send(message("second"));
        channel.send(message("third"));

        assertEquals(5, outcomes.size(), "the attempts at 0, 1, 3, 7 and 15 s fall in the 30 s outage, not 31 s");
        outcomes.forEach(outcome -> {
            Delivery.TransientFailure failure = assertInstanceOf(Delivery.TransientFailure.class, outcome);
            assertEquals(500, failure.statusCode());
        });
        assertEquals(List.of("first", "second", "third"), discord.delivered().stream()
                .map(request -> request.payload().path("embeds").path(0).path("title").asText()).toList());
    }

    @Test
    void aDeletedWebhookIsAPermanentFailureThatNamesDiscordsErrorButNotTheToken() throws Exception {
        NotificationChannel channel = open(WEBHOOK);
        discord.delete(WEBHOOK);

        Delivery delivery = channel.send(message("gone"));

        Delivery.PermanentFailure failure = assertInstanceOf(Delivery.PermanentFailure.class, delivery);
        assertEquals(404, failure.statusCode());
        assertTrue(failure.reason().contains("Unknown Webhook (code 10015)"), failure.reason());
        assertTrue(failure.reason().contains(WEBHOOK), failure.reason());
        assertFalse(failure.reason().contains("SecretWebhookToken"), failure.reason());
    }

    @Test
    void aMessageDiscordRefusesIsRejectedAloneAndTheNextIsDelivered() throws Exception {
        NotificationChannel channel = open(WEBHOOK);
        discord.refuseNext("embeds.0.description: Must be 4096 or fewer in length.");

        Delivery.Rejected rejected = assertInstanceOf(Delivery.Rejected.class, channel.send(message("refused")));

        assertEquals(400, rejected.statusCode());
        assertTrue(rejected.reason().contains("Invalid Form Body (code 50035)"), rejected.reason());
        assertInstanceOf(Delivery.Delivered.class, channel.send(message("next")));
    }

    @Test
    void aWrongTokenIsAPermanentFailure() throws Exception {
        String url = discord.webhook(WEBHOOK).replace("tok", "TOK");
        NotificationChannel channel = type.open(new ChannelSettings("1", Map.of("url", url)));

        Delivery.PermanentFailure failure = assertInstanceOf(Delivery.PermanentFailure.class,
                channel.send(message("x")));

        assertEquals(401, failure.statusCode());
        assertTrue(failure.reason().contains("Invalid Webhook Token (code 50027)"), failure.reason());
    }

    @Test
    void aUrlThatIsNotDiscordsIsRefusedWhenTheChannelIsOpened() {
        InvalidChannelSettingsException refused = assertThrows(InvalidChannelSettingsException.class,
                () -> type.open(new ChannelSettings("1", Map.of("url",
                        "https://hooks.example.net/api/webhooks/1180000000000000042/SecretSecretSecretSecret"))));
        assertEquals("url", refused.setting());
        assertTrue(refused.getMessage().startsWith("The setting 'url' is not a Discord webhook URL"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("SecretSecret"), refused.getMessage());
        assertThrows(InvalidChannelSettingsException.class, () -> type.open(new ChannelSettings("1", Map.of())));
        InvalidChannelSettingsException name = assertThrows(InvalidChannelSettingsException.class,
                () -> type.open(new ChannelSettings("1", Map.of("url", discord.webhook(WEBHOOK),
                        "username", "Discord Bot"))));
        assertEquals("username", name.setting());
    }
}
