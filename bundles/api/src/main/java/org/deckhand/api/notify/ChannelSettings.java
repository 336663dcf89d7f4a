package org.deckhand.api.notify;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings a user gave one channel, secrets decrypted, as its {@link ChannelType} receives them to
 * {@link ChannelType#open(ChannelSettings) open} it.
 *
 * @param channelId the channel's id, stable while it exists, such as {@code 3}
 * @param values the settings by {@link ChannelSetting#key()}; blank values are left out
 */
public record ChannelSettings(String channelId, Map<String, String> values) {

    /** @throws NullPointerException if either part is null */
    public ChannelSettings {
        Objects.requireNonNull(channelId, "channelId");
        values = Map.copyOf(values);
    }

    /**
     * @param key a setting's key
     * @return its value, if it was given
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * @param key a required setting's key
     * @return its value
     * @throws InvalidChannelSettingsException if it was not given
     */
    public String require(String key) throws InvalidChannelSettingsException {
        String value = values.get(key);
        if (value == null) {
            throw new InvalidChannelSettingsException(key, "is required");
        }
        return value;
    }

    @Override
    public String toString() {
        return "ChannelSettings[" + channelId + ", keys " + values.keySet() + "]";
    }
}
