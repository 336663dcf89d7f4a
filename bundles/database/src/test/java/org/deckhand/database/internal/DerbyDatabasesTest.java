package org.deckhand.database.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.deckhand.api.database.EmbeddedDatabases;
import org.deckhand.testing.database.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Databases in folders of their own, in the one engine; what one holds survives its shutdown. */
class DerbyDatabasesTest {

    private final EmbeddedDatabases engine = TestDatabases.engine();

    @TempDir
    Path folder;

    @Test
    void twoDatabasesLiveInOneEngineAndKeepWhatTheyHoldOverAShutdown() throws SQLException {
        Path catalog = folder.resolve("catalog/db");
        Path outbox = folder.resolve("notifier/db");
        execute(engine.open(catalog), "CREATE TABLE track (id INT)", "INSERT INTO track VALUES (1), (2)");
        execute(engine.open(outbox), "CREATE TABLE message (id INT)", "INSERT INTO message VALUES (7)");

        engine.shutdown(catalog);
        engine.shutdown(catalog);

        assertEquals(2, count(engine.open(catalog), "track"), "the catalog boots again with its rows");
        assertEquals(1, count(engine.open(outbox), "message"), "the other database stayed open");
        engine.shutdown(catalog);
        engine.shutdown(outbox);
    }

    @Test
    void aConnectionToADatabaseThatWasShutDownFails() throws SQLException {
        Path db = folder.resolve("db");
        DataSource source = engine.open(db);
        try (Connection open = source.getConnection()) {
            engine.shutdown(db);
            assertThrows(SQLException.class, () -> open.createStatement().execute("VALUES 1"));
        }
    }

    @Test
    void theEnginesSettingsAreWrittenIntoItsSystemHome() throws IOException {
        Path home = folder.resolve("derby");
        String before = System.getProperty(DerbyDatabases.SYSTEM_HOME);
        try {
            new DerbyDatabases(home);

            String settings = Files.readString(home.resolve("derby.properties"));
            assertTrue(settings.contains("derby.storage.pageCacheSize=" + DerbyDatabases.PAGE_CACHE_PAGES), settings);
            assertTrue(settings.contains("derby.stream.error.file=" + home.toAbsolutePath().resolve("derby.log")),
                    settings);
            assertEquals(home.toAbsolutePath().toString(), System.getProperty(DerbyDatabases.SYSTEM_HOME));
        } finally {
            System.setProperty(DerbyDatabases.SYSTEM_HOME, before);
        }
    }

    private static void execute(DataSource source, String... sql) throws SQLException {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private static int count(DataSource source, String table) throws SQLException {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
