package org.deckhand.api.notify;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One configured way to reach the user, such as a ntfy topic or a mailbox, made by its {@link ChannelType} from the
 * settings the user gave. The notifier calls {@link #send(Message)} from one thread per channel, one message at a
 * time, in the order of the outbox; a channel need not be thread-safe.
 */
@ConsumerType
public interface NotificationChannel extends AutoCloseable {

    /**
     * Sends one message and waits for the receiver's answer. Bounds every wait (connect and read timeouts of a few
     * seconds) and every read (a receiver's answer is read up to a small limit, never whole).
     *
     * @param message the message, possibly sent before (a retry, or a resend after a crash mid-send)
     * @return the outcome: network errors, timeouts and refusals are outcomes, never exceptions
     */
    Delivery send(Message message);

    /**
     * Starts what the channel keeps running between messages, such as a Discord bot's gateway session that answers
     * slash commands. The notifier calls it once, after {@link ChannelType#open(ChannelSettings) opening} a channel
     * to deliver through it, never for a channel opened only to check its settings. It must not block: a
     * connection is made in the background. Does nothing by default; throws nothing.
     *
     * @since 1.1
     */
    default void start() {
    }

    /** Releases what the channel holds (connections, a bot's session). Does nothing by default; throws nothing. */
    @Override
    default void close() {
    }
}
