package org.deckhand.notifier.internal.channel;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.deckhand.api.notify.InvalidChannelSettingsException;

/** Checks the addresses users give channels. */
final class Addresses {

    private Addresses() {
    }

    /**
     * @param setting the setting's key, for the error
     * @param value what the user gave
     * @return the address, absolute, {@code http} or {@code https}, with a host
     * @throws InvalidChannelSettingsException if it is not such an address; the message does not repeat it (it may
     *     be a secret)
     */
    static URI http(String setting, String value) throws InvalidChannelSettingsException {
        URI address;
        try {
            address = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new InvalidChannelSettingsException(setting, "is not a valid address (" + e.getReason() + ")");
        }
        String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidChannelSettingsException(setting, "must be an http:// or https:// address");
        }
        if (address.getHost() == null || address.getHost().isEmpty()) {
            throw new InvalidChannelSettingsException(setting, "has no host");
        }
        return address;
    }
}
