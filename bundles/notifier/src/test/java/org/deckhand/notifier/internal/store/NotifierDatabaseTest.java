package org.deckhand.notifier.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.deckhand.api.notify.Kind;
import org.deckhand.testing.database.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notifier's database from an earlier install: a real version 1 or version 2 database is brought up to the
 * current version at start, one step at a time, keeping its channels, waiting messages and dropped counts.
 */
class NotifierDatabaseTest {

    @TempDir
    Path folder;

    @Test
    void aVersionOneDatabaseIsMigratedAndKeepsItsChannelsAndWaitingMessages() throws Exception {
        try (Connection connection = create(List.of(NotifierDatabase.SCHEMA_V1));
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO channel (type, name, enabled, min_level, kinds, rate_per_minute, settings, "
                    + "secrets, created_millis) VALUES ('webhook', 'Home', TRUE, 'INFO', 'LIBRARY', 20, '{}', 'x', 1)");
            statement.execute("INSERT INTO message (id, kind, level, title, body, fields, created_millis, events) "
                    + "VALUES ('m1', 'LIBRARY', 'INFO', 'Track added: a.flac', '', '[]', 1, 1)");
            statement.execute("INSERT INTO delivery (channel_id, message_id, state, attempts, queued_millis, "
                    + "next_attempt_millis) VALUES (1, 'm1', 'PENDING', 0, 1, 1)");
        }
        shutDown();

        try (NotifierDatabase database = new NotifierDatabase(TestDatabases.engine(), folder)) {
            assertEquals(List.of(NotifierDatabase.SCHEMA_VERSION), database.transaction("read the version",
                    connection -> column(connection, "SELECT version FROM schema_version")));
            assertEquals(List.of(0), database.transaction("read the channel", connection -> column(connection,
                    "SELECT dropped_unreported FROM channel")));
            Outbox outbox = new Outbox(database, 1000, id -> "stopped");
            assertEquals(1, outbox.pendingCount(1), "the waiting message survives the migration");
            DigestWindows windows = new DigestWindows(database);
            windows.save(new DigestWindows.Stored(Kind.LIBRARY, Instant.ofEpochMilli(5), Instant.ofEpochMilli(65),
                    "{}"));
            assertEquals(Kind.LIBRARY, windows.list().get(0).kind());
        }
        try (NotifierDatabase again = new NotifierDatabase(TestDatabases.engine(), folder)) {
            assertEquals(1, new DigestWindows(again).list().size(), "a current database opens as it is");
        }
    }

    @Test
    void aVersionTwoDatabaseKeepsItsDroppedCountAndTellsTheChannelFirst() throws Exception {
        try (Connection connection = create(List.of(NotifierDatabase.SCHEMA_V1, NotifierDatabase.MIGRATION_V2));
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO channel (type, name, enabled, min_level, kinds, rate_per_minute, settings, "
                    + "secrets, created_millis, dropped_unreported, dropped_while) VALUES ('webhook', 'Home', TRUE, "
                    + "'INFO', 'LIBRARY', 20, '{}', 'x', 1, 2, 'stopped (HTTP 404)')");
            for (int i = 1; i <= 3; i++) {
                statement.execute("INSERT INTO message (id, kind, level, title, body, fields, created_millis, "
                        + "events) VALUES ('m" + i + "', 'LIBRARY', 'INFO', 'Track added: " + i + ".flac', '', '[]', "
                        + i + ", 1)");
            }
            statement.execute("INSERT INTO delivery (channel_id, message_id, state, attempts, last_reason, "
                    + "queued_millis, next_attempt_millis, finished_millis) VALUES "
                    + "(1, 'm1', 'DROPPED', 0, 'dropped: more than 1 messages waited for the channel', 1, 1, 3), "
                    + "(1, 'm2', 'DROPPED', 0, 'dropped: more than 1 messages waited for the channel', 2, 2, 3)");
            statement.execute("INSERT INTO delivery (channel_id, message_id, state, attempts, queued_millis, "
                    + "next_attempt_millis) VALUES (1, 'm3', 'PENDING', 0, 3, 3)");
            statement.execute("INSERT INTO digest_window VALUES ('LIBRARY', 5, 65, '{}')");
        }
        shutDown();

        try (NotifierDatabase database = new NotifierDatabase(TestDatabases.engine(), folder)) {
            assertEquals(List.of(3), database.transaction("read the version", connection -> column(connection,
                    "SELECT version FROM schema_version")));
            Outbox outbox = new Outbox(database, 1, id -> "stopped");
            assertEquals(2, outbox.droppedCount(1), "the drops the history lists are counted at the migration");
            assertEquals(1, new DigestWindows(database).list().size(), "the open digest window is kept");
            assertEquals(2, outbox.prune(Instant.ofEpochMilli(4)), "both dropped deliveries are pruned");
            assertEquals(2, outbox.droppedCount(1), "pruning the history does not lower the count");

            Outbox.Pending first = outbox.next(1, Instant.ofEpochMilli(10)).orElseThrow();
            assertEquals("2 messages were dropped while this channel was stopped (HTTP 404)",
                    first.message().title(), "the notice the version 2 database owed goes ahead of the backlog");
            outbox.attempting(first.seq());
            outbox.delivered(first.seq(), 204, "", 5, Instant.ofEpochMilli(11));
            assertEquals("Track added: 3.flac", outbox.next(1, Instant.ofEpochMilli(12)).orElseThrow().message()
                    .title(), "one notice, then the backlog");
        }
    }

    /** @return a connection to a new database in {@code folder/db}, made by the given schema steps */
    private Connection create(List<List<String>> steps) throws Exception {
        Files.createDirectories(folder);
        Connection connection = TestDatabases.engine().open(folder.resolve("db")).getConnection();
        try (Statement statement = connection.createStatement()) {
            for (List<String> step : steps) {
                for (String sql : step) {
                    statement.execute(sql);
                }
            }
        }
        return connection;
    }

    private void shutDown() throws SQLException {
        TestDatabases.engine().shutdown(folder.resolve("db"));
    }

    private static List<Integer> column(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            java.util.ArrayList<Integer> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getInt(1));
            }
            return values;
        }
    }
}
