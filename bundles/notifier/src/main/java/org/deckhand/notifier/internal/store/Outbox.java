package org.deckhand.notifier.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import org.deckhand.api.notify.Attachment;
import org.deckhand.api.notify.Field;
import org.deckhand.api.notify.Kind;
import org.deckhand.api.notify.Level;
import org.deckhand.api.notify.Message;

/**
 * The persistent outbox and its history: each message once, and one delivery of it per channel that takes it. A
 * delivery is {@link State#PENDING} from the moment the message is stored, before any channel is asked to send it,
 * until the channel confirms it ({@link State#DELIVERED}) or the receiver refuses that message
 * ({@link State#REJECTED}); a crash at any moment leaves it pending, and it is sent again after the restart
 * (at-least-once, the message's id telling the receiver it is the same message). Each channel drains its deliveries
 * in the order they were stored. A channel holds at most {@code maxPendingPerChannel} pending deliveries: past that,
 * its oldest non-urgent deliveries not yet tried are {@link State#DROPPED} (kept in the history) and counted on the
 * channel, in a count that the history's pruning does not lower. The channel is told of them in one notice, which
 * {@link #next} puts ahead of its backlog, so that it is the first message the channel sends when it can send again;
 * while it waits, the notice's count grows with every further drop, and the bound never drops it.
 */
public final class Outbox {

    /** A delivery's state. */
    public enum State {
        /** Waiting to be sent, or to be sent again. */
        PENDING,
        /** The channel confirmed it. */
        DELIVERED,
        /** A test message that the channel did not take; it is not sent again. */
        FAILED,
        /** The receiver refused this message (such as an HTTP 400, 413 or 422); it is not sent again. */
        REJECTED,
        /** Never sent: more than the bound of messages waited for the channel, and this was among the oldest. */
        DROPPED
    }

    /**
     * A pending delivery, as a channel's worker takes it.
     *
     * @param seq its place in the outbox, increasing
     * @param channelId the channel that sends it
     * @param message the message
     * @param attempts how many times sending was tried before
     * @param nextAttempt when it may be tried again
     */
    public record Pending(long seq, long channelId, Message message, int attempts, Instant nextAttempt) {
    }

    /**
     * One delivery as the history shows it.
     *
     * @param seq its place in the outbox
     * @param channelId the channel
     * @param messageId the message's id
     * @param kind the message's kind
     * @param level its level
     * @param title its title
     * @param state the delivery's state
     * @param attempts how many times sending was tried
     * @param lastStatus the receiver's last response code, if it answered
     * @param lastReason what the last failed attempt met, if one failed
     * @param latencyMillis how long the last attempt took, in milliseconds, if one was made
     * @param receiverId the id the receiver gave the message, if it was delivered and the receiver gives ids
     * @param queued when the message was stored
     * @param finished when it was delivered, or the test failed
     */
    public record HistoryEntry(long seq, long channelId, String messageId, Kind kind, Level level, String title,
            State state, int attempts, OptionalInt lastStatus, Optional<String> lastReason, OptionalLong latencyMillis,
            Optional<String> receiverId, Instant queued, Optional<Instant> finished) {
    }

    private static final TypeReference<List<Field>> FIELD_LIST = new TypeReference<>() { };

    private final NotifierDatabase database;
    private final int maxPendingPerChannel;
    private final LongFunction<String> situation;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param database the notifier's database
     * @param maxPendingPerChannel the most deliveries that wait for one channel, at least 1
     * @param situation what a channel (by id) is doing, in words that follow "while this channel was", such as
     *     {@code stopped}; recorded when the bound drops its messages
     */
    public Outbox(NotifierDatabase database, int maxPendingPerChannel, LongFunction<String> situation) {
        if (maxPendingPerChannel < 1) {
            throw new IllegalArgumentException("maxPendingPerChannel must be at least 1, not " + maxPendingPerChannel);
        }
        this.database = database;
        this.maxPendingPerChannel = maxPendingPerChannel;
        this.situation = situation;
    }

    /** @return the most deliveries that wait for one channel */
    public int maxPendingPerChannel() {
        return maxPendingPerChannel;
    }

    /**
     * Stores a message, pending for each channel given, in one transaction, and keeps each channel within the bound.
     *
     * @param message the message
     * @param channelIds the channels that take it; none stores nothing
     * @param now when it is stored
     */
    public void enqueue(Message message, List<Long> channelIds, Instant now) {
        enqueue(message, channelIds, now, connection -> null);
    }

    /**
     * Stores a message, pending for each channel given, and does more work in the same transaction, so that both
     * happen or neither does (a digest's window is removed as its message is stored).
     *
     * @param message the message
     * @param channelIds the channels that take it; none stores no message, but the work is still done
     * @param now when it is stored
     * @param alsoInTransaction the work to do in the same transaction
     */
    public void enqueue(Message message, List<Long> channelIds, Instant now,
            NotifierDatabase.SqlWork<?> alsoInTransaction) {
        database.transaction("store message " + message.id(), connection -> {
            alsoInTransaction.run(connection);
            if (channelIds.isEmpty()) {
                return null;
            }
            insertMessage(connection, message);
            queue(connection, message.id(), channelIds, now);
            for (long channelId : channelIds) {
                bound(connection, channelId, now);
            }
            return null;
        });
    }

    /**
     * Drops the oldest non-urgent deliveries of a channel that were never tried (so never the one being sent) and
     * are not its notice of dropped messages, as many as it has past the bound, and counts them on the channel.
     */
    private void bound(Connection connection, long channelId, Instant now) throws SQLException {
        int excess = count(connection, channelId, State.PENDING) - maxPendingPerChannel;
        if (excess <= 0) {
            return;
        }
        String notice = drops(connection, channelId).map(Drops::noticeId).orElse(null);
        List<Long> oldest = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT d.seq FROM delivery d JOIN message m "
                + "ON m.id = d.message_id WHERE d.channel_id = ? AND d.state = ? AND d.attempts = 0 "
                + "AND m.level <> ? AND m.kind <> ? AND m.id <> ? ORDER BY d.seq FETCH FIRST " + excess
                + " ROWS ONLY")) {
            select.setLong(1, channelId);
            select.setString(2, State.PENDING.name());
            select.setString(3, Level.CRITICAL.name());
            select.setString(4, Kind.SECURITY.name());
            select.setString(5, notice == null ? "" : notice);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    oldest.add(rows.getLong(1));
                }
            }
        }
        if (oldest.isEmpty()) {
            return;
        }
        try (PreparedStatement drop = connection.prepareStatement("UPDATE delivery SET state = ?, last_reason = ?, "
                + "finished_millis = ? WHERE seq = ? AND state = ? AND attempts = 0")) {
            for (long seq : oldest) {
                drop.setString(1, State.DROPPED.name());
                drop.setString(2, "dropped: more than " + maxPendingPerChannel + " messages waited for the channel");
                drop.setLong(3, now.toEpochMilli());
                drop.setLong(4, seq);
                drop.setString(5, State.PENDING.name());
                drop.addBatch();
            }
            drop.executeBatch();
        }
        try (PreparedStatement count = connection.prepareStatement("UPDATE channel SET dropped_unreported = "
                + "dropped_unreported + ?, dropped_total = dropped_total + ?, "
                + "dropped_while = COALESCE(dropped_while, ?) WHERE id = ?")) {
            count.setInt(1, oldest.size());
            count.setInt(2, oldest.size());
            count.setString(3, clip(situation.apply(channelId), 200));
            count.setLong(4, channelId);
            count.executeUpdate();
        }
    }

    /**
     * A channel's messages dropped by the bound that it was not told of yet.
     *
     * @param unreported how many
     * @param situation what the channel was doing when the first was dropped, such as {@code stopped}
     * @param noticeId the id of the notice that tells of them, once it is queued
     */
    private record Drops(int unreported, String situation, String noticeId) {
    }

    /**
     * Gives a channel's next delivery: its notice of dropped messages when it has messages dropped that it was not
     * told of (the notice is queued, or its count brought up to date, in the same transaction), else its oldest
     * pending delivery.
     *
     * @param channelId a channel
     * @param now when; a new notice is stamped with it
     * @return the delivery to send next, if the channel has one
     */
    public Optional<Pending> next(long channelId, Instant now) {
        return database.transaction("read the outbox of channel " + channelId, connection -> {
            Optional<Drops> drops = drops(connection, channelId).filter(found -> found.unreported() > 0);
            Optional<String> notice = drops.isPresent() ? Optional.of(notice(connection, channelId, drops.get(), now))
                    : Optional.empty();
            try (PreparedStatement select = connection.prepareStatement("SELECT d.seq, d.attempts, "
                    + "d.next_attempt_millis, m.* FROM delivery d JOIN message m ON m.id = d.message_id "
                    + "WHERE d.channel_id = ? AND d.state = ?" + (notice.isPresent() ? " AND d.message_id = ?" : "")
                    + " ORDER BY d.seq FETCH FIRST 1 ROWS ONLY")) {
                select.setLong(1, channelId);
                select.setString(2, State.PENDING.name());
                if (notice.isPresent()) {
                    select.setString(3, notice.get());
                }
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Pending(row.getLong("seq"), channelId, readMessage(row),
                            row.getInt("attempts"), Instant.ofEpochMilli(row.getLong("next_attempt_millis"))));
                }
            }
        });
    }

    private static Optional<Drops> drops(Connection connection, long channelId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT dropped_unreported, dropped_while, dropped_notice FROM channel WHERE id = ?")) {
            select.setLong(1, channelId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String situation = row.getString(2);
                return Optional.of(new Drops(row.getInt(1), situation == null ? "behind" : situation,
                        row.getString(3)));
            }
        }
    }

    /**
     * Queues the channel's notice of its dropped messages, pending for that channel alone, or brings the text of
     * the one queued up to the count.
     *
     * @return the notice's message id
     */
    private String notice(Connection connection, long channelId, Drops drops, Instant now) throws SQLException {
        Message notice = dropNotice(drops, now);
        if (drops.noticeId() != null && pending(connection, channelId, drops.noticeId())) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE message SET title = ?, body = ?, events = ? WHERE id = ? AND events <> ?")) {
                update.setString(1, notice.title());
                update.setString(2, notice.text());
                update.setInt(3, drops.unreported());
                update.setString(4, drops.noticeId());
                update.setInt(5, drops.unreported());
                update.executeUpdate();
            }
            return drops.noticeId();
        }
        insertMessage(connection, notice);
        queue(connection, notice.id(), List.of(channelId), now);
        try (PreparedStatement mark = connection.prepareStatement(
                "UPDATE channel SET dropped_notice = ? WHERE id = ?")) {
            mark.setString(1, notice.id());
            mark.setLong(2, channelId);
            mark.executeUpdate();
        }
        return notice.id();
    }

    private static boolean pending(Connection connection, long channelId, String messageId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM delivery WHERE channel_id = ? AND message_id = ? AND state = ?")) {
            select.setLong(1, channelId);
            select.setString(2, messageId);
            select.setString(3, State.PENDING.name());
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private Message dropNotice(Drops drops, Instant now) {
        Message notice = Message.of(Kind.HEALTH, Level.WARNING, (drops.unreported() == 1 ? "1 message was"
                : String.format(Locale.ROOT, "%,d messages were", drops.unreported()))
                + " dropped while this channel was " + drops.situation(), "The outbox keeps at most "
                + String.format(Locale.ROOT, "%,d", maxPendingPerChannel) + " messages waiting for a channel; "
                + "past that the oldest that were not urgent were dropped. The history lists them.");
        return new Message(notice.id(), notice.kind(), notice.level(), notice.title(), notice.text(),
                notice.fields(), notice.link(), notice.attachment(), now, drops.unreported());
    }

    /**
     * Once a channel's notice of dropped messages is sent (delivered, or refused by the receiver), takes the
     * messages it told of off the channel's unreported count; drops since it was last brought up to date are told
     * in the next notice.
     */
    private static void settleNotice(Connection connection, long seq) throws SQLException {
        // Every row is read by its primary key: a scan here would wait on the rows another transaction is adding
        // to the outbox while that one waits on this delivery's row, a deadlock that Derby breaks after 20 s.
        long channelId;
        String messageId;
        try (PreparedStatement delivery = connection.prepareStatement(
                "SELECT channel_id, message_id FROM delivery WHERE seq = ?")) {
            delivery.setLong(1, seq);
            try (ResultSet row = delivery.executeQuery()) {
                if (!row.next()) {
                    return;
                }
                channelId = row.getLong(1);
                messageId = row.getString(2);
            }
        }
        Optional<Drops> drops = drops(connection, channelId);
        if (drops.isEmpty() || !messageId.equals(drops.get().noticeId())) {
            return;
        }
        int told;
        try (PreparedStatement notice = connection.prepareStatement("SELECT events FROM message WHERE id = ?")) {
            notice.setString(1, messageId);
            try (ResultSet row = notice.executeQuery()) {
                told = row.next() ? row.getInt(1) : 0;
            }
        }
        int left = Math.max(0, drops.get().unreported() - told);
        try (PreparedStatement settle = connection.prepareStatement("UPDATE channel SET dropped_unreported = ?, "
                + "dropped_notice = NULL, dropped_while = CASE WHEN ? = 0 THEN NULL ELSE dropped_while END "
                + "WHERE id = ?")) {
            settle.setInt(1, left);
            settle.setInt(2, left);
            settle.setLong(3, channelId);
            settle.executeUpdate();
        }
    }

    /**
     * @param channelId a channel
     * @return how many of its messages the bound dropped since it was made, whether or not the history still
     *     lists them
     */
    public int droppedCount(long channelId) {
        return database.transaction("count the dropped messages of channel " + channelId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT dropped_total FROM channel WHERE id = ?")) {
                select.setLong(1, channelId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getInt(1) : 0;
                }
            }
        });
    }

    /**
     * Counts an attempt before it is made, so that a crash mid-send is seen in the history.
     *
     * @param seq the delivery
     * @return whether it is still pending (the bound may have dropped it since it was read): only then is it sent
     */
    public boolean attempting(long seq) {
        return database.transaction("count an attempt of delivery " + seq, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE delivery SET attempts = attempts + 1 WHERE seq = ? AND state = ?")) {
                update.setLong(1, seq);
                update.setString(2, State.PENDING.name());
                return update.executeUpdate() == 1;
            }
        });
    }

    /**
     * Marks a delivery as refused by the receiver: it is not sent again.
     *
     * @param seq the delivery
     * @param status the receiver's response code
     * @param reason what the receiver said
     * @param latencyMillis how long the attempt took, in milliseconds
     * @param now when it was refused
     */
    public void rejected(long seq, int status, String reason, long latencyMillis, Instant now) {
        database.transaction("mark delivery " + seq + " rejected", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE delivery SET state = ?, "
                    + "last_status = ?, last_reason = ?, latency_millis = ?, finished_millis = ? WHERE seq = ?")) {
                update.setString(1, State.REJECTED.name());
                bindStatus(update, 2, status);
                update.setString(3, clip(reason, 1000));
                update.setLong(4, latencyMillis);
                update.setLong(5, now.toEpochMilli());
                update.setLong(6, seq);
                update.executeUpdate();
            }
            settleNotice(connection, seq);
            return null;
        });
    }

    /**
     * Marks a delivery as confirmed by the channel.
     *
     * @param seq the delivery
     * @param status the receiver's response code
     * @param receiverId the id the receiver gave the message, empty when none
     * @param latencyMillis how long the attempt took, in milliseconds
     * @param now when it was confirmed
     */
    public void delivered(long seq, int status, String receiverId, long latencyMillis, Instant now) {
        database.transaction("mark delivery " + seq + " delivered", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE delivery SET state = ?, "
                    + "last_status = ?, receiver_id = ?, latency_millis = ?, finished_millis = ? WHERE seq = ?")) {
                update.setString(1, State.DELIVERED.name());
                update.setInt(2, status);
                update.setString(3, receiverId.isEmpty() ? null : clip(receiverId, 200));
                update.setLong(4, latencyMillis);
                update.setLong(5, now.toEpochMilli());
                update.setLong(6, seq);
                update.executeUpdate();
            }
            settleNotice(connection, seq);
            return null;
        });
    }

    /**
     * Records a failed attempt; the delivery stays pending.
     *
     * @param seq the delivery
     * @param status the receiver's response code, 0 when it gave none
     * @param reason what went wrong
     * @param latencyMillis how long the attempt took, in milliseconds
     * @param nextAttempt when it may be tried again
     */
    public void failed(long seq, int status, String reason, long latencyMillis, Instant nextAttempt) {
        database.transaction("record a failed attempt of delivery " + seq, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE delivery SET last_status = ?, "
                    + "last_reason = ?, latency_millis = ?, next_attempt_millis = ? WHERE seq = ?")) {
                bindStatus(update, 1, status);
                update.setString(2, clip(reason, 1000));
                update.setLong(3, latencyMillis);
                update.setLong(4, nextAttempt.toEpochMilli());
                update.setLong(5, seq);
                return update.executeUpdate();
            }
        });
    }

    /**
     * Records a test message sent at once, outside the queue, with its outcome.
     *
     * @param message the test message
     * @param channelId the channel it went to
     * @param state {@link State#DELIVERED} when the channel confirmed it, {@link State#REJECTED} when the receiver
     *     refused the message, {@link State#FAILED} otherwise
     * @param status the receiver's response code, 0 when none
     * @param reasonOrReceiverId the receiver's id for the message when delivered, what went wrong otherwise
     * @param latencyMillis how long it took, in milliseconds
     * @param now when it ended
     */
    public void recordTest(Message message, long channelId, State state, int status, String reasonOrReceiverId,
            long latencyMillis, Instant now) {
        boolean delivered = state == State.DELIVERED;
        database.transaction("record the test of channel " + channelId, connection -> {
            insertMessage(connection, message);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO delivery (channel_id, "
                    + "message_id, state, attempts, last_status, last_reason, receiver_id, latency_millis, "
                    + "queued_millis, next_attempt_millis, finished_millis) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, channelId);
                insert.setString(2, message.id());
                insert.setString(3, state.name());
                bindStatus(insert, 4, status);
                insert.setString(5, delivered ? null : clip(reasonOrReceiverId, 1000));
                insert.setString(6, delivered && !reasonOrReceiverId.isEmpty() ? clip(reasonOrReceiverId, 200) : null);
                insert.setLong(7, latencyMillis);
                insert.setLong(8, now.toEpochMilli());
                insert.setLong(9, now.toEpochMilli());
                insert.setLong(10, now.toEpochMilli());
                insert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * @param channelId a channel
     * @return how many deliveries wait for it
     */
    public int pendingCount(long channelId) {
        return database.transaction("count the outbox of channel " + channelId,
                connection -> count(connection, channelId, State.PENDING));
    }

    private static int count(Connection connection, long channelId, State state) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM delivery WHERE channel_id = ? AND state = ?")) {
            select.setLong(1, channelId);
            select.setString(2, state.name());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /**
     * @param channelId a channel, or empty for all
     * @param limit the most entries to give
     * @return the newest deliveries first
     */
    public List<HistoryEntry> history(OptionalLong channelId, int limit) {
        return database.transaction("read the history", connection -> {
            String where = channelId.isPresent() ? " WHERE d.channel_id = ?" : "";
            try (PreparedStatement select = connection.prepareStatement("SELECT d.*, m.kind, m.level, m.title "
                    + "FROM delivery d JOIN message m ON m.id = d.message_id" + where
                    + " ORDER BY d.seq DESC FETCH FIRST " + limit + " ROWS ONLY")) {
                if (channelId.isPresent()) {
                    select.setLong(1, channelId.getAsLong());
                }
                List<HistoryEntry> entries = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        entries.add(readEntry(row));
                    }
                }
                return entries;
            }
        });
    }

    /**
     * Forgets finished deliveries older than a moment, and the messages no delivery refers to any more.
     *
     * @param before finished deliveries older than this go
     * @return how many deliveries went
     */
    public int prune(Instant before) {
        return database.transaction("prune the history", connection -> {
            int removed;
            try (PreparedStatement deliveries = connection.prepareStatement(
                    "DELETE FROM delivery WHERE state <> ? AND finished_millis < ?")) {
                deliveries.setString(1, State.PENDING.name());
                deliveries.setLong(2, before.toEpochMilli());
                removed = deliveries.executeUpdate();
            }
            try (PreparedStatement messages = connection.prepareStatement("DELETE FROM message m WHERE NOT EXISTS "
                    + "(SELECT 1 FROM delivery d WHERE d.message_id = m.id)")) {
                messages.executeUpdate();
            }
            return removed;
        });
    }

    /** Queues a stored message for channels: one pending delivery each, due now. */
    private static void queue(Connection connection, String messageId, List<Long> channelIds, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO delivery (channel_id, message_id, "
                + "state, attempts, queued_millis, next_attempt_millis) VALUES (?, ?, ?, 0, ?, ?)")) {
            for (long channelId : channelIds) {
                insert.setLong(1, channelId);
                insert.setString(2, messageId);
                insert.setString(3, State.PENDING.name());
                insert.setLong(4, now.toEpochMilli());
                insert.setLong(5, now.toEpochMilli());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void insertMessage(Connection connection, Message message) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM message WHERE id = ?")) {
            exists.setString(1, message.id());
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO message (id, kind, level, title, "
                + "body, fields, link, attachment_name, attachment_type, attachment, created_millis, events) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, message.id());
            insert.setString(2, message.kind().name());
            insert.setString(3, message.level().name());
            insert.setString(4, clip(message.title(), 1000));
            insert.setString(5, message.text());
            insert.setString(6, writeFields(message.fields()));
            insert.setString(7, message.link().map(URI::toString).orElse(null));
            Optional<Attachment> attachment = message.attachment();
            insert.setString(8, attachment.map(Attachment::fileName).orElse(null));
            insert.setString(9, attachment.map(Attachment::mediaType).orElse(null));
            if (attachment.isPresent()) {
                insert.setBytes(10, attachment.get().content());
            } else {
                insert.setNull(10, Types.BLOB);
            }
            insert.setLong(11, message.created().toEpochMilli());
            insert.setInt(12, message.events());
            insert.executeUpdate();
        }
    }

    private Message readMessage(ResultSet row) throws SQLException {
        String link = row.getString("link");
        String attachmentName = row.getString("attachment_name");
        Optional<Attachment> attachment = attachmentName == null ? Optional.empty()
                : Optional.of(new Attachment(attachmentName, row.getString("attachment_type"),
                        row.getBytes("attachment")));
        return new Message(row.getString("id"), Kind.valueOf(row.getString("kind")),
                Level.valueOf(row.getString("level")), row.getString("title"), row.getString("body"),
                readFields(row.getString("fields")), Optional.ofNullable(link).map(URI::create), attachment,
                Instant.ofEpochMilli(row.getLong("created_millis")), row.getInt("events"));
    }

    private static HistoryEntry readEntry(ResultSet row) throws SQLException {
        int status = row.getInt("last_status");
        OptionalInt lastStatus = row.wasNull() ? OptionalInt.empty() : OptionalInt.of(status);
        long latency = row.getLong("latency_millis");
        OptionalLong latencyMillis = row.wasNull() ? OptionalLong.empty() : OptionalLong.of(latency);
        long finished = row.getLong("finished_millis");
        Optional<Instant> finishedAt = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(finished));
        return new HistoryEntry(row.getLong("seq"), row.getLong("channel_id"), row.getString("message_id"),
                Kind.valueOf(row.getString("kind")), Level.valueOf(row.getString("level")), row.getString("title"),
                State.valueOf(row.getString("state")), row.getInt("attempts"), lastStatus,
                Optional.ofNullable(row.getString("last_reason")), latencyMillis,
                Optional.ofNullable(row.getString("receiver_id")),
                Instant.ofEpochMilli(row.getLong("queued_millis")), finishedAt);
    }

    private static void bindStatus(PreparedStatement statement, int index, int status) throws SQLException {
        if (status == 0) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, status);
        }
    }

    private String writeFields(List<Field> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Fields of strings always serialise", e);
        }
    }

    private List<Field> readFields(String text) {
        try {
            return json.readValue(text, FIELD_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A stored message's fields are damaged: " + e.getOriginalMessage());
        }
    }

    /**
     * @param text some text
     * @param most the most characters a column holds
     * @return the text, cut to that many characters
     */
    static String clip(String text, int most) {
        return text.length() <= most ? text : text.substring(0, most - 1) + "…";
    }
}
