package org.deckhand.notifier.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.deckhand.notifier.internal.digest.DigestCollector;

/**
 * The notifier in a JVM of its own for {@link DurableDigestTest}: opens the centre on the folder given with a digest
 * window of 5 s, tells it of the number of added tracks given, prints {@code ADDED} and waits to be killed.
 */
final class DigestCrashChild {

    private DigestCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        NotificationCenter center = Centers.open(Path.of(args[0]), Duration.ofSeconds(5), Centers.quickPolicy(),
                Duration.ofSeconds(2));
        int count = Integer.parseInt(args[1]);
        for (int i = 0; i < count; i++) {
            center.onEvent(Topics.LIBRARY_FILE_ADDED, Map.of(EventProperties.TRACK_ID, (long) i + 1,
                    EventProperties.PATH, String.format("/music/Track %04d.%s", i, i % 4 == 0 ? "mp3" : "flac")));
        }
        Thread.sleep(DigestCollector.SAVE_DELAY_MILLIS * 5);
        System.out.println("ADDED");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
