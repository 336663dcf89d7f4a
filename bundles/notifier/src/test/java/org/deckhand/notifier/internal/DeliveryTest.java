package org.deckhand.notifier.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.deckhand.api.notify.Delivery;
import org.deckhand.api.notify.Kind;
import org.deckhand.api.notify.Level;
import org.deckhand.api.notify.Message;
import org.deckhand.notifier.internal.StandIn.Answer;
import org.deckhand.notifier.internal.store.Outbox;
import org.deckhand.testing.database.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery through outages and refusals, against a webhook receiver on 127.0.0.1: the outbox drains in order after a
 * 5xx outage, nothing is sent while the circuit is open, a {@code Retry-After} is waited out, a 404 stops the channel
 * until its settings change, and a slow server, an unreachable host and a 10 MB answer are each a clear state.
 */
class DeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void anOutageDrainsInOrderAfterwardsAndTheOpenCircuitSendsNothingButProbes() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        try (StandIn receiver = new StandIn(request -> down.get() ? Answer.json(503, "{\"error\":\"maintenance\"}")
                : Answer.status(204)); NotificationCenter center = Centers.open(folder)) {
            ChannelView channel = webhook(center, receiver, 600);
            List<String> published = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Message message = Message.of(Kind.LIBRARY, Level.INFO, "Message " + i, "");
                published.add(message.id());
                center.publish(message);
            }
            receiver.await(3, WAIT);
            Eventually.until("the circuit opens", WAIT, () -> "OPEN".equals(center.channel(channel.id())
                    .orElseThrow().circuit()));
            Thread.sleep(3_000);
            List<StandIn.Request> duringOutage = receiver.requests();
            down.set(false);

            Eventually.until("the outbox drains", WAIT, () -> center.channel(channel.id()).orElseThrow().pending() == 0);
            List<StandIn.Request> all = receiver.requests();
            for (int i = 3; i < duringOutage.size(); i++) {
                long gap = Duration.between(duringOutage.get(i - 1).at(), duringOutage.get(i).at()).toMillis();
                assertTrue(gap >= 900, "request " + i + " came " + gap + " ms after the one before, while the "
                        + "circuit was open for 1 s");
            }
            assertTrue(duringOutage.size() <= 3 + 4, duringOutage.size() + " requests in a 3 s outage");
            for (StandIn.Request request : duringOutage) {
                assertEquals(published.get(0), id(request), "the head of the queue is retried, nothing overtakes it");
            }
            List<String> delivered = new ArrayList<>();
            for (StandIn.Request request : all.subList(duringOutage.size(), all.size())) {
                delivered.add(id(request));
            }
            assertEquals(published, delivered, "after the outage every message arrives once, in order");
            assertEquals("CLOSED", center.channel(channel.id()).orElseThrow().circuit());
            Outbox.HistoryEntry first = center.history(OptionalLong.of(channel.id()), 100).get(19);
            assertEquals(published.get(0), first.messageId());
            assertEquals(duringOutage.size() + 1, first.attempts());
        }
    }

    @Test
    void aRetryAfterIsWaitedOutBeforeTheNextAttempt() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (StandIn receiver = new StandIn(request -> calls.incrementAndGet() == 1
                ? new Answer(429, Map.of("Retry-After", "2"), new byte[0]) : Answer.status(200));
                NotificationCenter center = Centers.open(folder)) {
            ChannelView channel = webhook(center, receiver, 600);
            center.publish(Message.of(Kind.TRACKLISTS, Level.WARNING, "1001Tracklists blocked the fetcher", ""));
            List<StandIn.Request> requests = receiver.await(2, WAIT);
            long gap = Duration.between(requests.get(0).at(), requests.get(1).at()).toMillis();
            assertTrue(gap >= 1_990, "the second attempt came " + gap + " ms after a Retry-After of 2 s");
            Outbox.HistoryEntry entry = Eventually.value("delivered", WAIT,
                    () -> center.history(OptionalLong.of(channel.id()), 1).get(0),
                    e -> e.state() == Outbox.State.DELIVERED);
            assertEquals(2, entry.attempts());
            assertEquals("CLOSED", center.channel(channel.id()).orElseThrow().circuit(),
                    "a rate limit is not a failure of the receiver");
        }
    }

    @Test
    void a404StopsTheChannelUntilItsAddressChangesThenItsMessagesFollowInOrder() throws Exception {
        try (StandIn gone = new StandIn(request -> Answer.json(404, "{\"message\":\"Unknown Webhook\",\"code\":10015}"));
                StandIn working = new StandIn(request -> Answer.status(204));
                NotificationCenter center = Centers.open(folder)) {
            ChannelView channel = webhook(center, gone, 600);
            Message first = Message.of(Kind.RENAMER, Level.ERROR, "Rename batch 4 stopped", "");
            center.publish(first);
            gone.await(1, WAIT);
            ChannelView stopped = Eventually.value("the channel stops", WAIT,
                    () -> center.channel(channel.id()).orElseThrow(), view -> view.state().equals("STOPPED"));
            assertEquals(404, stopped.stoppedStatus());
            assertTrue(stopped.reason().startsWith("HTTP 404 from http://127.0.0.1:"), stopped.reason());
            assertTrue(stopped.reason().contains("Unknown Webhook"), stopped.reason());
            assertTrue(!stopped.reason().contains("/hook"), "the reason leaves out the secret path: "
                    + stopped.reason());

            Message second = Message.of(Kind.RENAMER, Level.ERROR, "Rename batch 5 stopped", "");
            center.publish(second);
            Thread.sleep(1_500);
            assertEquals(1, gone.requests().size(), "a stopped channel sends nothing");
            assertEquals(2, center.channel(channel.id()).orElseThrow().pending());

            center.update(channel.id(), new ChannelRequest(null, null, null, null, null, null,
                    Map.of("url", working.uri("/hook").toString())));
            List<StandIn.Request> requests = working.await(2, WAIT);
            assertEquals(List.of(first.id(), second.id()), List.of(id(requests.get(0)), id(requests.get(1))));
            Eventually.until("the channel is active", WAIT, () -> center.channel(channel.id()).orElseThrow()
                    .state().equals("ACTIVE") && center.channel(channel.id()).orElseThrow().pending() == 0);
        }
    }

    @Test
    void aSlowServerAnUnreachableHostAndA10MegabyteAnswerAreEachAClearStateAndTheOtherChannelsCarryOn()
            throws Exception {
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (StandIn slow = new StandIn(request -> {
            sleep(4_000);
            return Answer.status(200);
        });
                StandIn huge = new StandIn(request -> new Answer(200, Map.of("Content-Type", "text/html"), tenMegabytes));
                StandIn working = new StandIn(request -> Answer.status(204));
                NotificationCenter center = Centers.open(folder, Duration.ofMillis(300), Centers.quickPolicy(),
                        Duration.ofSeconds(1))) {
            ChannelView slowChannel = webhook(center, slow, 600);
            ChannelView hugeChannel = webhook(center, huge, 600);
            ChannelView unreachable = center.create(new ChannelRequest("webhook", null, null, null, null, 600,
                    Map.of("url", "http://127.0.0.1:" + closedPort + "/hook")));
            ChannelView good = webhook(center, working, 600);
            center.publish(Message.of(Kind.HEALTH, Level.WARNING, "Disk space low: 2 GiB left", ""));

            working.await(1, WAIT);
            ChannelView slowView = Eventually.value("the slow server's timeout shows", WAIT,
                    () -> center.channel(slowChannel.id()).orElseThrow(), view -> view.lastOutcome() != null);
            assertEquals("transient", slowView.lastOutcome().result());
            assertTrue(slowView.lastOutcome().detail().endsWith("did not answer within 1 s"),
                    slowView.lastOutcome().detail());

            ChannelView hugeView = Eventually.value("the huge answer stops its channel", WAIT,
                    () -> center.channel(hugeChannel.id()).orElseThrow(), view -> view.state().equals("STOPPED"));
            assertTrue(hugeView.reason().endsWith("answered with more than 65536 bytes: the address is not the "
                    + "service's"), hugeView.reason());

            ChannelView unreachableView = Eventually.value("the refused connection shows", WAIT,
                    () -> center.channel(unreachable.id()).orElseThrow(), view -> view.lastOutcome() != null);
            assertEquals("transient", unreachableView.lastOutcome().result());
            assertTrue(unreachableView.lastOutcome().detail().startsWith("cannot connect to http://127.0.0.1:"
                    + closedPort), unreachableView.lastOutcome().detail());

            Eventually.until("the good channel delivered", WAIT, () -> center.channel(good.id()).orElseThrow()
                    .pending() == 0);
            Outbox.HistoryEntry slowEntry = center.history(OptionalLong.of(slowChannel.id()), 1).get(0);
            assertEquals(Outbox.State.PENDING, slowEntry.state());
            assertTrue(slowEntry.lastReason().orElseThrow().contains("did not answer within 1 s"));
        }
    }

    @Test
    void aMessageTheReceiverRejectsIsMarkedSoAndTheChannelGoesOnWithTheNext() throws Exception {
        try (StandIn receiver = new StandIn(request -> request.text().contains("Huge digest")
                ? Answer.json(413, "{\"error\":\"request entity too large\"}") : Answer.status(204));
                NotificationCenter center = Centers.open(folder)) {
            ChannelView channel = webhook(center, receiver, 600);
            center.publish(Message.of(Kind.LIBRARY, Level.INFO, "Huge digest", ""));
            center.publish(Message.of(Kind.LIBRARY, Level.INFO, "After it", ""));

            receiver.await(2, WAIT);
            Eventually.until("both are finished", WAIT, () -> center.channel(channel.id()).orElseThrow()
                    .pending() == 0);
            List<Outbox.HistoryEntry> history = center.history(OptionalLong.of(channel.id()), 10);
            assertEquals(List.of(Outbox.State.DELIVERED, Outbox.State.REJECTED),
                    history.stream().map(Outbox.HistoryEntry::state).toList());
            Outbox.HistoryEntry rejected = history.get(1);
            assertEquals(413, rejected.lastStatus().getAsInt());
            assertTrue(rejected.lastReason().orElseThrow().contains("request entity too large"),
                    rejected.lastReason().orElseThrow());
            assertTrue(rejected.finished().isPresent());
            ChannelView view = center.channel(channel.id()).orElseThrow();
            assertEquals("ACTIVE", view.state(), "one refused message does not stop the channel");
            assertEquals(2, receiver.requests().size(), "the rejected message is not sent again");
        }
    }

    @Test
    void httpAnswersAreClassifiedAsTheReceiverMeantThem() {
        for (int status : new int[] {400, 413, 422}) {
            assertTrue(Delivery.ofHttpStatus(status, "", OptionalDouble.empty(), "x") instanceof Delivery.Rejected,
                    status + " refuses this message");
        }
        for (int status : new int[] {401, 403, 404, 410}) {
            assertTrue(Delivery.ofHttpStatus(status, "", OptionalDouble.empty(), "x")
                    instanceof Delivery.PermanentFailure, status + " stops the channel");
        }
    }

    @Test
    void aStoppedChannelKeepsAtMostItsBoundDroppingTheOldestNonUrgentAndIsToldFirstOnceItDeliversAgain()
            throws Exception {
        ShiftedClock clock = new ShiftedClock();
        try (StandIn gone = new StandIn(request -> Answer.status(404));
                StandIn working = new StandIn(request -> Answer.status(204));
                NotificationCenter center = new NotificationCenter(folder, TestDatabases.engine(), new NotifierSettings(
                        Duration.ofMillis(300), Centers.CONSOLE, Centers.quickPolicy(), Duration.ofDays(14), 5),
                        Centers.builtInTypes(Duration.ofSeconds(2)), clock)) {
            ChannelView channel = webhook(center, gone, 600);
            center.publish(Message.of(Kind.LIBRARY, Level.INFO, "Message 0", ""));
            Eventually.until("the channel stops", WAIT, () -> center.channel(channel.id()).orElseThrow().state()
                    .equals("STOPPED"));
            for (int i = 1; i <= 9; i++) {
                center.publish(Message.of(Kind.LIBRARY, Level.INFO, "Message " + i, ""));
            }
            center.publish(Message.of(Kind.SECURITY, Level.WARNING, "Sign-ins throttled", ""));

            ChannelView bounded = center.channel(channel.id()).orElseThrow();
            assertEquals(5, bounded.pending());
            assertEquals(6, bounded.dropped());
            long droppedInHistory = center.history(OptionalLong.of(channel.id()), 100).stream()
                    .filter(entry -> entry.state() == Outbox.State.DROPPED).count();
            assertEquals(6, droppedInHistory, "dropped messages stay in the history");

            center.update(channel.id(), new ChannelRequest(null, null, null, null, null, null,
                    Map.of("url", working.uri("/hook").toString())));
            List<StandIn.Request> requests = working.await(6, WAIT);
            List<String> titles = new ArrayList<>();
            for (StandIn.Request request : requests) {
                titles.add(JSON.readTree(request.body()).path("title").asText());
            }
            assertTrue(titles.get(0).startsWith("6 messages were dropped while this channel was stopped (HTTP 404"),
                    "the notice goes ahead of the backlog: " + titles);
            assertEquals(List.of("Message 0", "Message 7", "Message 8", "Message 9", "Sign-ins throttled"),
                    titles.subList(1, 6), "the oldest kept, the newest and the urgent one kept");
            Thread.sleep(500);
            assertEquals(6, working.requests().size(), "one notice of the dropped messages");
            assertEquals(0, center.channel(channel.id()).orElseThrow().pending());

            clock.shift(Duration.ofDays(15));
            center.publish(Message.of(Kind.LIBRARY, Level.INFO, "Two weeks later", ""));
            assertTrue(center.history(OptionalLong.of(channel.id()), 100).stream()
                    .noneMatch(entry -> entry.state() == Outbox.State.DROPPED), "the history forgot the drops");
            assertEquals(6, center.channel(channel.id()).orElseThrow().dropped(),
                    "the channel's dropped count does not fall when the history is pruned");
        }
    }

    @Test
    void theNoticeOfDroppedMessagesWaitingAheadOfTheBacklogIsNeverDroppedAndCountsEveryDrop() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        try (StandIn receiver = new StandIn(request -> answered.getAndIncrement() == 0
                ? new Answer(429, Map.of("Retry-After", "5"), new byte[0]) : Answer.status(204));
                NotificationCenter center = new NotificationCenter(folder, TestDatabases.engine(), new NotifierSettings(
                        Duration.ofMillis(300), Centers.CONSOLE, Centers.quickPolicy(), Duration.ofDays(14), 5),
                        Centers.builtInTypes(Duration.ofSeconds(2)), java.time.Clock.systemUTC())) {
            ChannelView channel = webhook(center, receiver, 600);
            center.publish(Message.of(Kind.LIBRARY, Level.INFO, "Message 0", ""));
            Eventually.until("the receiver holds the channel back", WAIT, () -> center.channel(channel.id())
                    .orElseThrow().state().equals("WAITING"));
            for (int i = 1; i <= 20; i++) {
                center.publish(Message.of(Kind.LIBRARY, Level.INFO, "Message " + i, ""));
                sleep(20);
            }
            assertEquals(17, center.channel(channel.id()).orElseThrow().dropped());
            assertEquals(5, center.channel(channel.id()).orElseThrow().pending(), "the notice and four messages");

            List<StandIn.Request> requests = receiver.await(6, WAIT);
            List<String> titles = new ArrayList<>();
            for (StandIn.Request request : requests) {
                titles.add(JSON.readTree(request.body()).path("title").asText());
            }
            assertEquals(List.of("Message 0", "17 messages were dropped while this channel was held back by the "
                    + "receiver's rate limit", "Message 0", "Message 18", "Message 19", "Message 20"), titles,
                    "the notice, waiting through every drop, goes first once the wait is over");
            Thread.sleep(500);
            assertEquals(6, receiver.requests().size(), "one notice");
            assertEquals(0, center.channel(channel.id()).orElseThrow().pending());
        }
    }

    private static ChannelView webhook(NotificationCenter center, StandIn receiver, int rate)
            throws ChannelRequestException {
        return center.create(new ChannelRequest("webhook", null, null, null, null, rate,
                Map.of("url", receiver.uri("/hook").toString())));
    }

    static String id(StandIn.Request request) {
        try {
            return JSON.readTree(request.body()).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
