package org.deckhand.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.deckhand.testing.database.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @TempDir
    Path folder;

    @Test
    void aNewDatabaseGetsEveryVersionAndAReopenedOneNothingTwice() throws SQLException, IOException {
        try (Database database = new Database(TestDatabases.engine(), folder.resolve("db"));
                Connection connection = database.connect()) {
            assertEquals(Migrations.SCRIPTS.size(), Migrations.migrate(connection));
            assertEquals(Migrations.SCRIPTS.size(), Migrations.migrate(connection));
            assertEquals(Migrations.SCRIPTS.size(), count(connection, "SELECT COUNT(*) FROM schema_version"));
            assertEquals(0, count(connection, "SELECT COUNT(*) FROM track"));
        }
    }

    @Test
    void aSchemaNewerThanThisDeckhandIsRefusedWithAReason() throws SQLException, IOException {
        try (Database database = new Database(TestDatabases.engine(), folder.resolve("db"));
                Connection connection = database.connect()) {
            Migrations.migrate(connection);
            try (Statement insert = connection.createStatement()) {
                insert.execute("INSERT INTO schema_version VALUES (99, 'V99__future.sql', 0)");
            }

            SQLException error = assertThrows(SQLException.class, () -> Migrations.migrate(connection));

            assertTrue(error.getMessage().contains("version 99, newer than this Deckhand's"), error.getMessage());
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
