package org.deckhand.notifier.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deckhand.api.notify.ChannelSetting;
import org.deckhand.api.notify.Kind;
import org.deckhand.api.notify.Level;

/**
 * A channel as the API shows it: its settings without the secret ones' values (each shown as set or not set), its
 * rules, and its state.
 *
 * @param id its id
 * @param type its type's id
 * @param name its name
 * @param enabled whether it takes new messages
 * @param minimumLevel the lowest level it takes
 * @param kinds the kinds it takes
 * @param ratePerMinute the most messages it sends a minute
 * @param settings its settings that are not secret, by key
 * @param secrets its secret settings, by key: whether each is set
 * @param state {@code ACTIVE}, {@code WAITING}, {@code STOPPED} or {@code UNAVAILABLE}
 * @param reason why it is stopped or unavailable; null when it is not
 * @param stoppedStatus the response code that stopped it, null unless a permanent error did
 * @param circuit its circuit breaker's state: {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}
 * @param waitingUntil until when it waits for a receiver's {@code Retry-After}; null when it does not
 * @param pending how many messages wait in its outbox
 * @param dropped how many of its messages the outbox's bound dropped since it was made, however long ago (the
 *     history's pruning does not lower it)
 * @param lastOutcome what its last attempt since the start met, with its response code and reason; null before
 *     the first
 * @param created when it was made
 */
public record ChannelView(long id, String type, String name, boolean enabled, Level minimumLevel, Set<Kind> kinds,
        int ratePerMinute, Map<String, String> settings, Map<String, Boolean> secrets, String state,
        String reason, Integer stoppedStatus, String circuit, Instant waitingUntil, int pending, int dropped,
        Outcome lastOutcome, Instant created) {

    /**
     * An attempt's outcome.
     *
     * @param result {@code delivered}, {@code retry-after}, {@code transient}, {@code rejected} (the receiver refused
     *     that message; the channel went on) or {@code permanent}
     * @param statusCode the receiver's response code, 0 when none
     * @param detail the receiver's id for the message when delivered, the reason otherwise
     */
    public record Outcome(String result, int statusCode, String detail) {
    }

    /**
     * A channel type as the API shows it.
     *
     * @param id its id, such as {@code ntfy}
     * @param name its name for people
     * @param settings the settings it takes
     */
    public record TypeView(String id, String name, List<ChannelSetting> settings) {
    }
}
