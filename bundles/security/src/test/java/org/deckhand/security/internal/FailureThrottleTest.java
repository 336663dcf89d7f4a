package org.deckhand.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final FailureThrottle throttle = new FailureThrottle(clock);

    @Test
    void anAddressIsHeldBackAfterTenFailuresUntilTheFirstLeavesTheWindow() {
        for (int i = 0; i < FailureThrottle.MAX_FAILURES - 1; i++) {
            throttle.recordFailure("192.0.2.7");
            clock.advance(Duration.ofSeconds(10));
        }
        assertEquals(0, throttle.secondsToWait("192.0.2.7"));

        throttle.recordFailure("192.0.2.7");

        assertEquals(FailureThrottle.WINDOW.toSeconds() - 90, throttle.secondsToWait("192.0.2.7"));
        assertEquals(0, throttle.secondsToWait("192.0.2.8"), "another address is not held back");
        clock.advance(FailureThrottle.WINDOW.minusSeconds(90));
        assertEquals(0, throttle.secondsToWait("192.0.2.7"));
    }

    @Test
    void aSuccessForgetsTheFailures() {
        for (int i = 0; i < FailureThrottle.MAX_FAILURES - 1; i++) {
            throttle.recordFailure("192.0.2.7");
        }
        throttle.recordSuccess("192.0.2.7");
        throttle.recordFailure("192.0.2.7");

        assertEquals(0, throttle.secondsToWait("192.0.2.7"));
    }

    @Test
    void aFloodOfAddressesDoesNotGrowItWithoutBound() {
        for (int i = 0; i < 3 * FailureThrottle.MAX_TRACKED_ADDRESSES; i++) {
            throttle.recordFailure("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
        }

        assertTrue(throttle.trackedAddresses() <= FailureThrottle.MAX_TRACKED_ADDRESSES,
                throttle.trackedAddresses() + " addresses tracked");
    }
}
