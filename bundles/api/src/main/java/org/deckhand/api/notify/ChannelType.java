package org.deckhand.api.notify;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of channel, such as ntfy or e-mail. Register an implementation as an OSGi service (a bundle or a plugin may
 * add one): the user can then configure channels of this type over REST, and the notifier opens each with
 * {@link #open(ChannelSettings)}. Opening must not reach the network; the first {@link NotificationChannel#send}
 * does. A channel whose type goes away waits, its messages kept in the outbox, until the type comes back.
 */
@ConsumerType
public interface ChannelType {

    /** @return a short, stable, lower-case id, such as {@code ntfy}, kept with every channel of this type */
    String id();

    /** @return the type's name for people, such as {@code ntfy} or {@code E-mail (SMTP)} */
    String name();

    /** @return the settings a channel of this type takes, in the order a form shows them */
    List<ChannelSetting> settings();

    /**
     * Makes a channel from its settings, checking them.
     *
     * @param settings the user's settings, secrets decrypted
     * @return the channel, ready to send
     * @throws InvalidChannelSettingsException if a setting is missing or malformed
     */
    NotificationChannel open(ChannelSettings settings) throws InvalidChannelSettingsException;
}
