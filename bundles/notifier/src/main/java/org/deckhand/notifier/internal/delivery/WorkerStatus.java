package org.deckhand.notifier.internal.delivery;

import java.time.Instant;
import java.util.Optional;
import org.deckhand.api.notify.Delivery;

/**
 * What a channel's worker is doing.
 *
 * @param state {@code ACTIVE} (sending, or ready to), {@code WAITING} (a receiver's {@code Retry-After}),
 *     {@code STOPPED} (a permanent error, or secrets that no longer decrypt; the user must change the channel) or {@code UNAVAILABLE} (its type is not
 *     installed, or its settings do not open)
 * @param reason why it is stopped or unavailable
 * @param circuit the circuit breaker's state: {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}
 * @param waitingUntil until when it waits for a receiver's {@code Retry-After}
 * @param lastOutcome the outcome of its last attempt since the server started
 */
public record WorkerStatus(String state, Optional<String> reason, String circuit, Optional<Instant> waitingUntil,
        Optional<Delivery> lastOutcome) {
}
