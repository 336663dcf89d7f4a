package org.deckhand.notifier.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.deckhand.api.notify.Kind;

/**
 * The open digest windows in the notifier's database, one row per kind: when it opened, when it closes, and the
 * running summary of what it gathered (counts, the first few names), rewritten as each notice joins it, so that a
 * crash loses none of it. A window leaves the table in the transaction that stores its digest in the outbox.
 */
public final class DigestWindows {

    /**
     * One open window as stored.
     *
     * @param kind the kind it gathers
     * @param opened when its first notice came
     * @param closes when it closes
     * @param summary what it gathered so far, as the digest writes it
     */
    public record Stored(Kind kind, Instant opened, Instant closes, String summary) {
    }

    private final NotifierDatabase database;

    /** @param database the notifier's database */
    public DigestWindows(NotifierDatabase database) {
        this.database = database;
    }

    /** @return every open window, by kind */
    public List<Stored> list() {
        return database.transaction("read the open digest windows", connection -> {
            List<Stored> windows = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT kind, opened_millis, closes_millis, summary "
                            + "FROM digest_window ORDER BY opened_millis")) {
                while (rows.next()) {
                    windows.add(new Stored(Kind.valueOf(rows.getString(1)), Instant.ofEpochMilli(rows.getLong(2)),
                            Instant.ofEpochMilli(rows.getLong(3)), rows.getString(4)));
                }
            }
            return windows;
        });
    }

    /**
     * Stores a window's summary, opening its row when it has none.
     *
     * @param window the window as it is now
     */
    public void save(Stored window) {
        database.transaction("store the digest window of " + window.kind(), connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE digest_window SET opened_millis = ?, "
                    + "closes_millis = ?, summary = ? WHERE kind = ?")) {
                update.setLong(1, window.opened().toEpochMilli());
                update.setLong(2, window.closes().toEpochMilli());
                update.setString(3, window.summary());
                update.setString(4, window.kind().name());
                if (update.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO digest_window (kind, "
                    + "opened_millis, closes_millis, summary) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, window.kind().name());
                insert.setLong(2, window.opened().toEpochMilli());
                insert.setLong(3, window.closes().toEpochMilli());
                insert.setString(4, window.summary());
                insert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Removes a kind's window, inside a transaction that does more (storing its digest in the outbox).
     *
     * @param connection the transaction's connection
     * @param kind the window's kind
     * @throws SQLException if the statement fails
     */
    public static void remove(Connection connection, Kind kind) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM digest_window WHERE kind = ?")) {
            delete.setString(1, kind.name());
            delete.executeUpdate();
        }
    }
}
