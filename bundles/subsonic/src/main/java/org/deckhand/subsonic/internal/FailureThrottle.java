package org.deckhand.subsonic.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Slows down guessing of the player password with the policy of the REST API's throttle (bundle
 * {@code org.deckhand.security}, which does not offer its own as a service): an address that failed
 * {@value #MAX_FAILURES} times within {@link #WINDOW} is refused, unchecked, until its oldest failure leaves the
 * window. Thread-safe.
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

    /** @return whether {@code address} must wait before it may try again */
    synchronized boolean blocked(String address) {
        Deque<Instant> recent = failures.get(address);
        if (recent == null) {
            return false;
        }
        Instant windowStart = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(windowStart)) {
            recent.removeFirst();
        }
        if (recent.isEmpty()) {
            failures.remove(address);
            return false;
        }
        return recent.size() >= MAX_FAILURES;
    }

    synchronized void recordFailure(String address) {
        if (failures.size() >= MAX_TRACKED_ADDRESSES && !failures.containsKey(address)) {
            failures.clear();
        }
        Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        recent.addLast(clock.instant());
        while (recent.size() > MAX_FAILURES) {
            recent.removeFirst();
        }
    }

    synchronized void recordSuccess(String address) {
        failures.remove(address);
    }
}
