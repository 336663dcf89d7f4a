package org.deckhand.notifier.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system's clock, moved ahead by a test to see what happens days later; thread-safe. */
final class ShiftedClock extends Clock {

    private volatile Duration shift = Duration.ZERO;

    /** @param by how much further ahead of the system's time the clock goes */
    void shift(Duration by) {
        shift = shift.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the tests read instants only");
    }
}
