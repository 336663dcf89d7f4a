package org.deckhand.notifier.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.deckhand.api.notify.Kind;
import org.deckhand.api.notify.Level;
import org.deckhand.api.notify.Message;
import org.deckhand.notifier.internal.StandIn.Answer;
import org.deckhand.notifier.internal.store.Outbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox across a restart: the notifier is closed (its Derby database shut down) while a send is under way and
 * messages wait, then opened again on the same folder; every message arrives, in order, once, or twice for the one
 * whose send was cut off. The secrets are not in the folder's files in the clear.
 */
class OutboxRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SECRET_URL_PATH = "/hooks/Zq8-very-secret-path";

    @TempDir
    Path folder;

    @Test
    void aRestartMidSendLosesNothingAndSendsAtMostOneMessageTwice() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch released = new CountDownLatch(1);
        List<String> published = new ArrayList<>();
        try (StandIn receiver = new StandIn(request -> {
            if (calls.incrementAndGet() == 10) {
                await(released);
            }
            return Answer.status(204);
        })) {
            long channelId;
            NotificationCenter first = Centers.open(folder);
            try {
                channelId = first.create(new ChannelRequest("webhook", null, null, null, null, 600,
                        Map.of("url", receiver.uri(SECRET_URL_PATH).toString(), "secret", "hmac-key-5b1e"))).id();
                for (int i = 0; i < 30; i++) {
                    Message message = Message.of(Kind.LIBRARY, Level.INFO, "Message " + i, "");
                    published.add(message.id());
                    first.publish(message);
                }
                receiver.await(10, WAIT);
            } finally {
                first.close();
            }
            released.countDown();
            int beforeRestart = receiver.requests().size();
            assertTrue(beforeRestart < 30, "the restart came mid-delivery: " + beforeRestart + " requests");

            try (NotificationCenter second = Centers.open(folder)) {
                Eventually.until("the outbox drains after the restart", WAIT,
                        () -> second.channel(channelId).orElseThrow().pending() == 0);
                Map<String, Integer> received = new LinkedHashMap<>();
                receiver.requests().forEach(request -> received.merge(DeliveryTest.id(request), 1, Integer::sum));
                assertEquals(published, new ArrayList<>(received.keySet()), "every message, in order");
                long twice = received.values().stream().filter(count -> count == 2).count();
                assertTrue(twice <= 1 && received.values().stream().allMatch(count -> count <= 2),
                        "at most the message cut off mid-send comes twice: " + received.values());
                List<Outbox.HistoryEntry> history = second.history(OptionalLong.of(channelId), 100);
                assertEquals(30, history.size());
                assertTrue(history.stream().allMatch(entry -> entry.state() == Outbox.State.DELIVERED));
            }
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertTrue(!content.contains("very-secret-path") && !content.contains("hmac-key-5b1e"),
                        "a secret is in the clear in " + file);
            }
        }
    }

    @Test
    void aLostKeyStopsItsChannelsSayingSoAndTheSecretsCanBeEnteredAgain() throws Exception {
        try (StandIn receiver = new StandIn(request -> Answer.status(204))) {
            long channelId;
            try (NotificationCenter first = Centers.open(folder)) {
                channelId = first.create(new ChannelRequest("webhook", null, null, null, null, null,
                        Map.of("url", receiver.uri(SECRET_URL_PATH).toString()))).id();
            }
            Files.delete(folder.resolve(org.deckhand.notifier.internal.store.ChannelStore.KEY_FILE));

            try (NotificationCenter second = Centers.open(folder)) {
                ChannelView stopped = second.channel(channelId).orElseThrow();
                assertEquals("STOPPED", stopped.state());
                assertEquals("The channel's secrets do not decrypt with secrets.key: enter them again",
                        stopped.reason());
                assertEquals(1, second.publish(Message.of(Kind.HEALTH, Level.WARNING, "Disk space low", "")),
                        "the message waits for the channel");

                second.update(channelId, new ChannelRequest(null, null, null, null, null, null,
                        Map.of("url", receiver.uri(SECRET_URL_PATH).toString())));
                receiver.await(1, WAIT);
                assertEquals("ACTIVE", second.channel(channelId).orElseThrow().state());
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
