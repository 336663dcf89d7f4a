package org.deckhand.notifier.discord.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.deckhand.notifier.discord.internal.webhook.Pacer;

/**
 * A clock that moves only when told, shared by the Discord stand-in (its rate-limit windows, its outage) and the
 * channel under test; its {@link #pacer()} moves it instead of sleeping, and records each wait, so that a test
 * checks waits exactly without taking time.
 */
public final class ManualClock extends Clock {

    private volatile Instant now = Instant.parse("2026-12-07T12:00:00Z");
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a manual clock stays in UTC");
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** @param duration how far to move the clock */
    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** @return a pacer that moves this clock by each wait and records it */
    public Pacer pacer() {
        return wait -> {
            pauses.add(wait);
            advance(wait);
        };
    }

    /** @return every wait the pacer was asked for, in order */
    public List<Duration> pauses() {
        return List.copyOf(pauses);
    }
}
