package org.deckhand.subsonic.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each caller's player said it is playing (scrobble with {@code submission=false}), for getNowPlaying. An
 * entry lasts the song's duration and {@link #GRACE} more, then goes. Kept in memory only: it is about now.
 * Thread-safe.
 */
final class NowPlaying {

    /** How long an entry stays after its song should have ended. */
    static final Duration GRACE = Duration.ofMinutes(1);

    /**
     * One player's song.
     *
     * @param user who plays it
     * @param player the player's name, from the request's {@code c}
     * @param song the song
     * @param since when it started
     */
    record Entry(String user, String player, Song song, Instant since) {
    }

    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    NowPlaying(Clock clock) {
        this.clock = clock;
    }

    void playing(String user, String player, Song song) {
        entries.put(user + "\u0000" + player, new Entry(user, player, song, clock.instant()));
    }

    /** @return the entries still playing, most recent first */
    List<Entry> entries() {
        Instant now = clock.instant();
        entries.values().removeIf(entry -> entry.since().plusSeconds(entry.song().durationSeconds()).plus(GRACE)
                .isBefore(now));
        return entries.values().stream().sorted((a, b) -> b.since().compareTo(a.since())).toList();
    }

    /** @return how many whole minutes ago {@code entry} started */
    int minutesAgo(Entry entry) {
        return (int) Duration.between(entry.since(), clock.instant()).toMinutes();
    }
}
