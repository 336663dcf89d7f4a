package org.deckhand.api.notify;

import java.util.Objects;

/**
 * One setting a {@link ChannelType} needs, such as a topic URL or an SMTP password. Secret settings are stored
 * encrypted, never logged and never returned by the API, which shows them as set or not set.
 *
 * @param key its key in {@link ChannelSettings#values()}, such as {@code url}
 * @param label its name for people, such as {@code Topic URL}
 * @param description what to enter, with an example and the unit (seconds, a port number)
 * @param required whether a channel cannot work without it
 * @param secret whether it is a credential or an address that works as one (a token, a password, a webhook URL)
 */
public record ChannelSetting(String key, String label, String description, boolean required, boolean secret) {

    /** @throws NullPointerException if any part is null */
    public ChannelSetting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
    }
}
