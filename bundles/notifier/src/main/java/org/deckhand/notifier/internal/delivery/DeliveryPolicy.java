package org.deckhand.notifier.internal.delivery;

import java.time.Duration;

/**
 * How every channel retries and when its circuit opens.
 *
 * @param circuitFailures consecutive failed attempts (5xx, timeouts, unreachable) that open a channel's circuit
 * @param circuitOpen how long an open circuit stays open before one probe is let through
 * @param retryInitial the wait before the first retry of a message; each further retry waits twice as long, with
 *     ±50 % jitter
 * @param retryMax the longest wait between two retries of a message
 */
public record DeliveryPolicy(int circuitFailures, Duration circuitOpen, Duration retryInitial, Duration retryMax) {

    /**
     * @throws IllegalArgumentException if a count or duration is not positive, or the longest wait is shorter than
     *     the first
     */
    public DeliveryPolicy {
        if (circuitFailures < 1 || circuitOpen.isNegative() || circuitOpen.isZero() || retryInitial.isNegative()
                || retryInitial.isZero() || retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("A delivery policy needs positive counts and durations: " + this);
        }
    }
}
