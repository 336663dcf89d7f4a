package org.deckhand.notifier.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.deckhand.api.notify.Attachment;
import org.deckhand.api.notify.Field;
import org.deckhand.api.notify.Kind;
import org.deckhand.api.notify.Level;
import org.deckhand.api.notify.Message;
import org.deckhand.notifier.internal.StandIn.Answer;
import org.deckhand.notifier.internal.store.Outbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ntfy, Gotify and the signed webhook against stand-ins on 127.0.0.1 that check what the real services document:
 * ntfy's headers, Gotify's JSON and key, the webhook's JSON Schema and its HMAC-SHA256 signature.
 */
class ChannelsOverHttpTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path folder;

    @Test
    void ntfyGetsTitlePriorityTagsClickAndTheTokenAndOnlyWhatItsRulesTake() throws Exception {
        try (StandIn ntfy = new StandIn(request -> Answer.json(200, "{\"id\":\"hJ3kqZ\",\"time\":1733580000,"
                + "\"event\":\"message\",\"topic\":\"deckhand-alerts\"}"));
                NotificationCenter center = Centers.open(folder)) {
            ChannelView channel = center.create(new ChannelRequest("ntfy", "Phone", null, Level.WARNING, null, null,
                    Map.of("url", ntfy.uri("/deckhand-alerts").toString(), "token", "tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2")));

            assertEquals(0, center.publish(Message.of(Kind.LIBRARY, Level.INFO, "Track added: a.flac", "below")));
            assertEquals(1, center.publish(Message.of(Kind.HEALTH, Level.CRITICAL, "Music folder gone: Björk – Jóga",
                    "The share /music dropped out").withLink(URI.create("http://nas:8080/"))
                    .withFields(List.of(new Field("Folder", "/music")))));

            StandIn.Request request = ntfy.await(1, WAIT).get(0);
            assertEquals("POST", request.method());
            assertEquals("/deckhand-alerts", request.path());
            assertEquals("=?UTF-8?B?" + Base64.getEncoder().encodeToString("Music folder gone: Björk – Jóga"
                    .getBytes(StandardCharsets.UTF_8)) + "?=", request.header("Title"));
            assertEquals("5", request.header("Priority"));
            assertEquals("rotating_light,deckhand,health", request.header("Tags"));
            assertEquals("http://nas:8080/", request.header("Click"));
            assertEquals("Bearer tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2", request.header("Authorization"));
            assertEquals("The share /music dropped out\nFolder: /music", request.text());

            Outbox.HistoryEntry entry = Eventually.value("the delivery is marked", WAIT,
                    () -> center.history(OptionalLong.of(channel.id()), 10),
                    history -> history.size() == 1 && history.get(0).state() == Outbox.State.DELIVERED).get(0);
            assertEquals("hJ3kqZ", entry.receiverId().orElseThrow());
            assertEquals(200, entry.lastStatus().getAsInt());
            assertEquals(1, entry.attempts());
            assertTrue(entry.latencyMillis().isPresent());

            ChannelView shown = center.channel(channel.id()).orElseThrow();
            assertEquals(Map.of("url", true, "token", true), shown.secrets());
            assertTrue(shown.settings().isEmpty(), "secret settings are never shown: " + shown.settings());
            assertEquals("ACTIVE", shown.state());
            assertEquals("CLOSED", shown.circuit());
        }
    }

    @Test
    void gotifyGetsItsJsonAndApplicationKey() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (StandIn gotify = new StandIn(request -> "AbCdEf.123".equals(request.header("X-Gotify-Key"))
                ? Answer.json(200, "{\"id\":25,\"appid\":5,\"message\":\"x\",\"title\":\"y\",\"priority\":8,"
                        + "\"date\":\"2026-12-07T12:00:00Z\"}")
                : Answer.json(401, "{\"error\":\"Unauthorized\",\"errorCode\":401,\"errorDescription\":\"you need to"
                        + " provide a valid access token or user credentials to access this api\"}"));
                NotificationCenter center = Centers.open(folder)) {
            ChannelView channel = center.create(new ChannelRequest("gotify", null, null, null, Set.of(Kind.ANALYSIS),
                    null, Map.of("url", gotify.uri("/").toString(), "token", "AbCdEf.123")));
            center.publish(Message.of(Kind.ANALYSIS, Level.ERROR, "Analyser quarantined: bpm-cnn", "It failed 5 "
                    + "times in a row").withLink(URI.create("http://nas:8080/queue")));

            StandIn.Request request = gotify.await(1, WAIT).get(0);
            assertEquals("/message", request.path());
            assertTrue(request.header("Content-Type").startsWith("application/json"));
            JsonNode body = json.readTree(request.body());
            assertEquals("Analyser quarantined: bpm-cnn", body.path("title").asText());
            assertEquals("It failed 5 times in a row", body.path("message").asText());
            assertEquals(8, body.path("priority").asInt());
            assertEquals("http://nas:8080/queue", body.path("extras").path("client::notification").path("click")
                    .path("url").asText());
            Outbox.HistoryEntry entry = Eventually.value("the delivery is marked", WAIT,
                    () -> center.history(OptionalLong.of(channel.id()), 10),
                    history -> history.get(0).state() == Outbox.State.DELIVERED).get(0);
            assertEquals("25", entry.receiverId().orElseThrow());
        }
    }

    @Test
    void webhookDocumentsFollowTheSchemaAndCarryAnHmacSignatureTheReceiverChecks() throws Exception {
        String secret = "It's a Secret to Everybody";
        ObjectMapper json = new ObjectMapper();
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(Path.of("..", "..", "docs", "notification-webhook.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        try (StandIn receiver = new StandIn(request -> {
            String expected = "sha256=" + hmac(secret, request.body());
            return expected.equals(request.header("X-Hub-Signature-256")) ? Answer.status(204)
                    : Answer.json(401, "{\"error\":\"bad signature\"}");
        }); NotificationCenter center = Centers.open(folder)) {
            center.create(new ChannelRequest("webhook", "Home Assistant", null, null, null, null, Map.of(
                    "url", receiver.uri("/api/webhook/deckhand-7f3a").toString(), "secret", secret,
                    "headers", "Authorization: Bearer ha-token-1\nX-Source: deckhand")));
            byte[] cover = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};
            Message sent = Message.of(Kind.MIXER, Level.INFO, "Mix started: Warehouse 122–128 BPM", "12 tracks "
                    + "planned").withFields(List.of(new Field("Seed", "Floorplan – Never Grow Old")))
                    .withAttachment(new Attachment("cover.jpg", "image/jpeg", cover));
            center.publish(sent);

            StandIn.Request request = receiver.await(1, WAIT).get(0);
            assertEquals("sha256=" + hmac(secret, request.body()), request.header("X-Hub-Signature-256"));
            assertEquals("Bearer ha-token-1", request.header("Authorization"));
            assertEquals("deckhand", request.header("X-Source"));
            assertEquals(sent.id(), request.header("X-Deckhand-Delivery"));
            JsonNode document = json.readTree(request.body());
            Set<ValidationMessage> problems = schema.validate(document);
            assertTrue(problems.isEmpty(), "the document breaks its schema: " + problems);
            assertEquals(1, document.path("version").asInt());
            assertEquals(sent.id(), document.path("id").asText());
            assertEquals("mixer", document.path("kind").asText());
            assertEquals("info", document.path("level").asText());
            assertEquals("Seed", document.path("fields").get(0).path("name").asText());
            assertEquals(Base64.getEncoder().encodeToString(cover),
                    document.path("attachment").path("contentBase64").asText());
            assertEquals(7, document.path("attachment").path("size").asInt());
            Eventually.until("the delivery is marked", WAIT, () -> center.history(OptionalLong.empty(), 1).get(0)
                    .state() == Outbox.State.DELIVERED);
            assertFalse(center.channels().get(0).settings().containsKey("headers"));
        }
    }

    @Test
    void aSettingThatIsNotTheTypesOrAnAddressThatIsNotHttpIsRefusedNamingIt() throws Exception {
        try (NotificationCenter center = Centers.open(folder)) {
            ChannelRequestException notHttp = org.junit.jupiter.api.Assertions.assertThrows(
                    ChannelRequestException.class, () -> center.create(new ChannelRequest("ntfy", null, null, null,
                            null, null, Map.of("url", "ftp://ntfy.example.org/topic"))));
            assertEquals("The setting 'url' must be an http:// or https:// address", notHttp.getMessage());
            ChannelRequestException unknown = org.junit.jupiter.api.Assertions.assertThrows(
                    ChannelRequestException.class, () -> center.create(new ChannelRequest("gotify", null, null, null,
                            null, null, Map.of("url", "https://gotify.example.org", "token", "t", "topic", "x"))));
            assertTrue(unknown.getMessage().contains("has no setting 'topic'"), unknown.getMessage());
            ChannelRequestException missing = org.junit.jupiter.api.Assertions.assertThrows(
                    ChannelRequestException.class, () -> center.create(new ChannelRequest("gotify", null, null, null,
                            null, null, Map.of("url", "https://gotify.example.org"))));
            assertEquals("The setting 'token' is required", missing.getMessage());
            assertTrue(center.channels().isEmpty());
        }
    }

    private static String hmac(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
