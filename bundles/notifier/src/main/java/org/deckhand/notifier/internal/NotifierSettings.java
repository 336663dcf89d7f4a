package org.deckhand.notifier.internal;

import java.net.URI;
import java.time.Duration;
import org.deckhand.notifier.internal.delivery.DeliveryPolicy;

/**
 * The notifier's settings, from its configuration.
 *
 * @param digestWindow how long a digest gathers notices before it is sent
 * @param console the console's address, for the messages' links
 * @param policy retries and circuits of every channel
 * @param historyKept how long a finished delivery stays in the history
 * @param maxPendingPerChannel the most messages that wait for one channel; past that its oldest non-urgent ones are
 *     dropped
 */
public record NotifierSettings(Duration digestWindow, URI console, DeliveryPolicy policy, Duration historyKept,
        int maxPendingPerChannel) {

    /** The bound of a channel's waiting messages unless configured. */
    public static final int DEFAULT_MAX_PENDING_PER_CHANNEL = 1_000;
}
