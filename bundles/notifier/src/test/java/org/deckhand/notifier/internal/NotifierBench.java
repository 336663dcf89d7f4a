package org.deckhand.notifier.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.deckhand.notifier.internal.StandIn.Answer;
import org.deckhand.notifier.internal.delivery.DeliveryPolicy;

/**
 * The figures of docs/benchmarks.md, "Notifier": from an EventAdmin event to the message received by a webhook
 * receiver on 127.0.0.1, outside a digest window (a security event, which skips it), p50 and p99 over 200 events
 * sent one after another; and a burst of 10,000 library events: messages sent, time from the first event to the last
 * message received, and the heap in use after a GC before the burst and while its window is open (the bench runs
 * inside Maven's JVM, whose resident memory says nothing of the notifier's). Run:
 * {@code mvn -q -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.deckhand.notifier.internal.NotifierBench} in {@code bundles/notifier}.
 */
public final class NotifierBench {

    private static final int LATENCY_EVENTS = 200;
    private static final int BURST_EVENTS = 10_000;
    private static final Duration WINDOW = Duration.ofSeconds(2);

    private NotifierBench() {
    }

    /**
     * @param args none
     * @throws Exception if the bench cannot run
     */
    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("notifier-bench");
        DeliveryPolicy policy = new DeliveryPolicy(5, Duration.ofSeconds(60), Duration.ofSeconds(5),
                Duration.ofMinutes(15));
        try (StandIn receiver = new StandIn(request -> Answer.status(204));
                NotificationCenter center = Centers.open(folder, WINDOW, policy, Duration.ofSeconds(10))) {
            center.create(new ChannelRequest("webhook", null, null, null, null, NotificationCenter.MAX_RATE_PER_MINUTE,
                    Map.of("url", receiver.uri("/hook").toString())));
            long[] latencies = new long[LATENCY_EVENTS];
            for (int i = 0; i < LATENCY_EVENTS; i++) {
                int before = receiver.requests().size();
                long started = System.nanoTime();
                center.onEvent(Topics.ROOT + "security/signin/FAILED", Map.of(EventProperties.MESSAGE,
                        "failed sign-in " + i));
                receiver.await(before + 1, Duration.ofSeconds(30));
                latencies[i] = System.nanoTime() - started;
            }
            Arrays.sort(latencies);
            System.out.printf(Locale.ROOT, "event to received, %d events: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    LATENCY_EVENTS, latencies[LATENCY_EVENTS / 2] / 1e6, latencies[LATENCY_EVENTS * 99 / 100] / 1e6,
                    latencies[LATENCY_EVENTS - 1] / 1e6);

            long heapBefore = heapInUse();
            int before = receiver.requests().size();
            java.time.Instant startedAt = java.time.Instant.now();
            long started = System.nanoTime();
            for (int i = 0; i < BURST_EVENTS; i++) {
                center.onEvent(Topics.LIBRARY_FILE_ADDED, Map.of(EventProperties.TRACK_ID, (long) i + 1,
                        EventProperties.PATH, "/music/Artist " + (i % 50) + "/Track " + i + (i % 3 == 0 ? ".mp3"
                                : ".flac")));
            }
            long posted = System.nanoTime();
            long heapWindowOpen = heapInUse();
            receiver.await(before + 1, Duration.ofSeconds(60));
            Thread.sleep(WINDOW.toMillis() + 1_000);
            List<StandIn.Request> requests = receiver.requests();
            Duration drained = Duration.between(startedAt, requests.get(requests.size() - 1).at());
            System.out.printf(Locale.ROOT, "burst of %d library events: posted in %.0f ms, %d messages, last received "
                    + "%.2f s after the first event (window %d s); heap in use after a GC %.1f MB before, %.1f MB with the "
                    + "window open%n", BURST_EVENTS,
                    (posted - started) / 1e6, requests.size() - before, drained.toMillis() / 1e3,
                    WINDOW.toSeconds(), heapBefore / 1e6, heapWindowOpen / 1e6);
        } finally {
            try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static long heapInUse() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
