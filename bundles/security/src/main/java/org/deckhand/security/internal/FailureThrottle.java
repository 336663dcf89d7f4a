package org.deckhand.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Slows down password guessing: a client address that failed {@value #MAX_FAILURES} times within the window is
 * refused until its oldest failure leaves the window, without its credentials being checked.
 */
final class FailureThrottle {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(5);
    static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    FailureThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param address a client address
     * @return how many seconds it must still wait, or 0 when it may try
     */
    synchronized long secondsToWait(String address) {
        Deque<Instant> recent = recentFailures(address);
        if (recent == null || recent.size() < MAX_FAILURES) {
            return 0;
        }
        Duration left = Duration.between(clock.instant(), recent.peekFirst().plus(WINDOW));
        return Math.max(1, left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0));
    }

    /**
     * @param address a client address whose credentials were just refused
     */
    synchronized void recordFailure(String address) {
        if (failures.size() >= MAX_TRACKED_ADDRESSES) {
            Instant windowStart = clock.instant().minus(WINDOW);
            failures.values().removeIf(recent -> !recent.peekLast().isAfter(windowStart));
            if (failures.size() >= MAX_TRACKED_ADDRESSES) {
                failures.clear();
            }
        }
        failures.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(clock.instant());
        Deque<Instant> recent = failures.get(address);
        while (recent.size() > MAX_FAILURES) {
            recent.removeFirst();
        }
    }

    /**
     * @param address a client address whose credentials were just accepted
     */
    synchronized void recordSuccess(String address) {
        failures.remove(address);
    }

    /**
     * @return how many addresses it holds failures of, at most {@value #MAX_TRACKED_ADDRESSES}
     */
    synchronized int trackedAddresses() {
        return failures.size();
    }

    private Deque<Instant> recentFailures(String address) {
        Deque<Instant> recent = failures.get(address);
        if (recent == null) {
            return null;
        }
        Instant windowStart = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(windowStart)) {
            recent.removeFirst();
        }
        if (recent.isEmpty()) {
            failures.remove(address);
            return null;
        }
        return recent;
    }
}
