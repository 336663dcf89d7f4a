package org.deckhand.notifier.internal.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.deckhand.api.notify.Kind;
import org.deckhand.api.notify.Level;

/**
 * A channel as the user configured it, secrets decrypted.
 *
 * @param id its id
 * @param rules its type, name and rules, and its settings
 * @param stop why it stopped, if a permanent error stopped it
 * @param created when it was made
 */
public record StoredChannel(long id, ChannelDraft rules, Optional<Stop> stop, Instant created) {

    /**
     * What the user sets of a channel.
     *
     * @param type its {@link org.deckhand.api.notify.ChannelType#id() type}, such as {@code ntfy}
     * @param name its name for people, such as {@code Phone}
     * @param enabled whether it sends; a disabled channel takes no new messages
     * @param minimumLevel the lowest level it takes
     * @param kinds the kinds it takes
     * @param ratePerMinute the most messages it sends a minute (the token bucket's capacity and refill)
     * @param settings its settings by key, secret ones included
     */
    public record ChannelDraft(String type, String name, boolean enabled, Level minimumLevel, Set<Kind> kinds,
            int ratePerMinute, Map<String, String> settings) {

        /** Copies the collections. */
        public ChannelDraft {
            kinds = Set.copyOf(kinds);
            settings = Map.copyOf(settings);
        }

        /**
         * @param kind a message's kind
         * @param level its level
         * @return whether the rules take such a message
         */
        public boolean takes(Kind kind, Level level) {
            return enabled && kinds.contains(kind) && level.atLeast(minimumLevel);
        }

        @Override
        public String toString() {
            return "ChannelDraft[" + type + ", " + name + ", settings " + settings.keySet() + "]";
        }
    }

    /**
     * A permanent error that stopped the channel until its settings change or a test succeeds.
     *
     * @param status the receiver's response code, 0 when none
     * @param reason what went wrong
     */
    public record Stop(int status, String reason) {
    }

    /** @return the channel without its settings' values, for logs */
    @Override
    public String toString() {
        return "StoredChannel[" + id + ", " + rules + "]";
    }
}
