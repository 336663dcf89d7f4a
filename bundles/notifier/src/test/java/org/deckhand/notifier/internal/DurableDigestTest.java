package org.deckhand.notifier.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.deckhand.notifier.internal.StandIn.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A digest window across a crash: the notifier runs in a child JVM, takes in a burst of events and is killed (as
 * kill -9 does) while its window is open; opened again in the test after the window's time, it sends the digest at
 * once, with every event counted, once. Across an orderly stop: the window is left open, not sent early, and closes
 * when its time comes after the restart, once, with every event before and after the stop counted.
 */
class DurableDigestTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int EVENTS = 400;

    @TempDir
    Path folder;

    @Test
    void aWindowOpenAtACrashIsSentAfterTheRestartWithEveryNoticeCountedOnce() throws Exception {
        try (StandIn receiver = new StandIn(request -> Answer.status(204))) {
            try (NotificationCenter setup = Centers.open(folder)) {
                setup.create(new ChannelRequest("webhook", null, null, null, null, 600,
                        Map.of("url", receiver.uri("/hook").toString())));
            }
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    DigestCrashChild.class.getName(), folder.toString(), Integer.toString(EVENTS))
                    .redirectError(folder.resolve("child.err").toFile()).start();
            long started = System.nanoTime();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                do {
                    line = out.readLine();
                } while (line != null && !line.equals("ADDED"));
                assertEquals("ADDED", line, "the child JVM did not take in the events: see " + folder
                        .resolve("child.err"));
            }
            assertTrue(receiver.requests().isEmpty(), "the window was still open when the child was killed");
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertTrue(receiver.requests().isEmpty(), "nothing went out before the crash");
            long left = 5_500 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (left > 0) {
                Thread.sleep(left);
            }

            try (NotificationCenter restarted = Centers.open(folder, Duration.ofMinutes(10), Centers.quickPolicy(),
                    Duration.ofSeconds(2))) {
                JsonNode digest = new ObjectMapper().readTree(receiver.await(1, WAIT).get(0).body());
                assertEquals(EVENTS, digest.path("events").asInt(), "every notice of the window is counted");
                assertEquals("400 tracks added: 300 FLAC, 100 MP3", digest.path("title").asText());
                assertTrue(digest.path("text").asText().startsWith("Tracks added: Track 0000.mp3, Track 0001.flac"),
                        digest.path("text").asText());
                Eventually.until("the digest is marked delivered", WAIT,
                        () -> restarted.channels().get(0).pending() == 0);
            }
            try (NotificationCenter again = Centers.open(folder)) {
                Thread.sleep(1_000);
                assertEquals(1, receiver.requests().size(), "the digest went once, and its window is gone");
            }
        }
    }

    @Test
    void anOrderlyStopLeavesTheWindowOpenAndItClosesOnTimeAfterTheRestartOnce() throws Exception {
        Duration window = Duration.ofSeconds(10);
        try (StandIn receiver = new StandIn(request -> Answer.status(204))) {
            Instant opened;
            try (NotificationCenter first = Centers.open(folder, window, Centers.quickPolicy(),
                    Duration.ofSeconds(2))) {
                first.create(new ChannelRequest("webhook", null, null, null, null, 600,
                        Map.of("url", receiver.uri("/hook").toString())));
                opened = Instant.now();
                added(first, 0, 300);
            }
            assertTrue(receiver.requests().isEmpty(), "the stop sent nothing early");

            try (NotificationCenter restarted = Centers.open(folder, window, Centers.quickPolicy(),
                    Duration.ofSeconds(2))) {
                added(restarted, 300, 100);
                long early = Duration.between(Instant.now(), opened.plus(window)).toMillis() - 1_500;
                assertTrue(early > 0, "the restart took most of the window");
                Thread.sleep(early);
                assertTrue(receiver.requests().isEmpty(), "nothing goes before the window's time");
                StandIn.Request sent = receiver.await(1, WAIT).get(0);
                assertTrue(!sent.at().isBefore(opened.plus(window)), "the digest went at " + sent.at()
                        + ", before the window opened at " + opened + " closed");
                JsonNode digest = new ObjectMapper().readTree(sent.body());
                assertEquals(400, digest.path("events").asInt(), "every event, before and after the stop");
                assertEquals("400 tracks added: 300 FLAC, 100 MP3", digest.path("title").asText());
                Thread.sleep(1_500);
                assertEquals(1, receiver.requests().size(), "one digest");
            }
        }
    }

    private static void added(NotificationCenter center, int from, int count) {
        for (int i = from; i < from + count; i++) {
            center.onEvent(Topics.LIBRARY_FILE_ADDED, Map.of(EventProperties.TRACK_ID, (long) i + 1,
                    EventProperties.PATH, String.format("/music/Track %04d.%s", i, i % 4 == 0 ? "mp3" : "flac")));
        }
    }
}
