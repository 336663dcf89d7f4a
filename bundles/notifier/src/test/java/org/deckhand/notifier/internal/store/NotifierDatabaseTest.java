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
import javax.sql.DataSource;
import org.deckhand.api.notify.Kind;
import org.deckhand.testing.database.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notifier's database from an earlier install: a real version 1 database is brought up to version 2 at start. */
class NotifierDatabaseTest {

    @TempDir
    Path folder;

    @Test
    void aVersionOneDatabaseIsMigratedAndKeepsItsChannelsAndWaitingMessages() throws Exception {
        Path db = folder.resolve("db");
        Files.createDirectories(folder);
        DataSource v1 = TestDatabases.engine().open(db);
        try (Connection connection = v1.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : NotifierDatabase.SCHEMA_V1) {
                statement.execute(sql);
            }
            statement.execute("INSERT INTO channel (type, name, enabled, min_level, kinds, rate_per_minute, settings, "
                    + "secrets, created_millis) VALUES ('webhook', 'Home', TRUE, 'INFO', 'LIBRARY', 20, '{}', 'x', 1)");
            statement.execute("INSERT INTO message (id, kind, level, title, body, fields, created_millis, events) "
                    + "VALUES ('m1', 'LIBRARY', 'INFO', 'Track added: a.flac', '', '[]', 1, 1)");
            statement.execute("INSERT INTO delivery (channel_id, message_id, state, attempts, queued_millis, "
                    + "next_attempt_millis) VALUES (1, 'm1', 'PENDING', 0, 1, 1)");
        }
        TestDatabases.engine().shutdown(db);

        try (NotifierDatabase database = new NotifierDatabase(TestDatabases.engine(), folder)) {
            assertEquals(List.of(2), database.transaction("read the version", connection -> column(connection,
                    "SELECT version FROM schema_version")));
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
            assertEquals(1, new DigestWindows(again).list().size(), "a version 2 database opens as it is");
        }
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
