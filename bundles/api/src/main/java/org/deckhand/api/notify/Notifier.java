package org.deckhand.api.notify;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The notifier, as a service: a bundle posts a message that is not an EventAdmin event through it. The message goes
 * to every enabled channel whose rules accept its kind and level, through the outbox.
 */
@ProviderType
public interface Notifier {

    /**
     * Stores a message in the outbox of each channel that takes it, to be sent as soon as the channel allows;
     * returns once it is stored (on the disk), before it is sent.
     *
     * @param message the message
     * @return how many channels will send it (0 when none takes it)
     * @throws IllegalStateException if the outbox cannot be written; the message is then lost and the caller knows
     */
    int publish(Message message);
}
