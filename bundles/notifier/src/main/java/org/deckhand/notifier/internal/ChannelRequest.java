package org.deckhand.notifier.internal;

import java.util.Map;
import java.util.Set;
import org.deckhand.api.notify.Kind;
import org.deckhand.api.notify.Level;

/**
 * A channel as a client sends it to create or change one. On a change, an absent part keeps its value; in
 * {@code settings}, an absent key keeps its value (so a secret need not be sent again) and an empty value removes
 * the setting.
 *
 * @param type the channel type's id, such as {@code ntfy}; required to create, and cannot change
 * @param name its name for people; by default the type's name
 * @param enabled whether it takes new messages; true by default
 * @param minimumLevel the lowest level it takes; {@code INFO} by default
 * @param kinds the kinds it takes; all by default
 * @param ratePerMinute the most messages it sends a minute, 1 to 600; 20 by default
 * @param settings its settings by key, as its type lists them
 */
public record ChannelRequest(String type, String name, Boolean enabled, Level minimumLevel, Set<Kind> kinds,
        Integer ratePerMinute, Map<String, String> settings) {

    @Override
    public String toString() {
        return "ChannelRequest[" + type + ", " + name + ", settings " + (settings == null ? "{}" : settings.keySet())
                + "]";
    }
}
