package org.deckhand.notifier.internal.rest;

import java.time.Instant;
import org.deckhand.api.notify.Kind;
import org.deckhand.api.notify.Level;
import org.deckhand.notifier.internal.store.Outbox;

/**
 * One delivery of the history, as {@code GET /api/v1/notifications/history} shows it.
 *
 * @param seq its place in the outbox, increasing
 * @param channelId the channel
 * @param messageId the message's idempotency id
 * @param kind the message's kind
 * @param level its level
 * @param title its title
 * @param state {@code PENDING} (waiting, or to be retried), {@code DELIVERED}, {@code FAILED} (a test that did
 *     not arrive), {@code REJECTED} (the receiver refused this message, as {@code lastStatus} and
 *     {@code lastReason} say; it is not sent again, and the channel went on) or {@code DROPPED} (never sent: more
 *     than the bound of messages waited for the channel, and this was among the oldest)
 * @param attempts how many times sending was tried
 * @param lastStatus the receiver's last response code (HTTP status, SMTP reply code); null when it never answered
 * @param lastReason what the last failed attempt met; null when none failed
 * @param latencyMillis how long the last attempt took, in milliseconds; null before the first
 * @param receiverId the id the receiver gave the message; null when it gives none
 * @param queued when the message was stored
 * @param finished when it was delivered, rejected or dropped, or the test failed; null while pending
 */
public record HistoryView(long seq, long channelId, String messageId, Kind kind, Level level, String title,
        Outbox.State state, int attempts, Integer lastStatus, String lastReason, Long latencyMillis, String receiverId,
        Instant queued, Instant finished) {

    /**
     * @param entry a delivery of the outbox
     * @return it as the API shows it
     */
    static HistoryView of(Outbox.HistoryEntry entry) {
        return new HistoryView(entry.seq(), entry.channelId(), entry.messageId(), entry.kind(), entry.level(),
                entry.title(), entry.state(), entry.attempts(),
                entry.lastStatus().isPresent() ? entry.lastStatus().getAsInt() : null, entry.lastReason().orElse(null),
                entry.latencyMillis().isPresent() ? entry.latencyMillis().getAsLong() : null,
                entry.receiverId().orElse(null), entry.queued(), entry.finished().orElse(null));
    }
}
