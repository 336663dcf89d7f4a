package org.deckhand.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings the database's schema up to date: applies, in order, each script {@code /db/V<n>__<name>.sql} whose
 * version is above the one recorded in the table {@code schema_version}, each script and its record in one
 * transaction, so that a crash leaves the schema at one version or the next.
 */
final class Migrations {

    /** The scripts, in order; a new schema version adds a line here and its script beside the others. */
    static final List<String> SCRIPTS = List.of("V1__tracks.sql", "V2__analysis.sql", "V3__analysis_attempts.sql",
            "V4__tracklists.sql", "V5__subsonic.sql", "V6__index_revision.sql", "V7__tag_totals.sql",
            "V8__crates_and_shelves.sql", "V9__drop_core_columns.sql");

    private Migrations() {
    }

    /**
     * @param connection a connection to the database
     * @return the schema version after migration
     * @throws SQLException if a script fails; its transaction is rolled back
     * @throws IOException if a script cannot be read from the bundle
     */
    static int migrate(Connection connection) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try {
            int current = currentVersion(connection);
            for (int version = current + 1; version <= SCRIPTS.size(); version++) {
                apply(connection, version, SCRIPTS.get(version - 1));
            }
            return SCRIPTS.size();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "SCHEMA_VERSION", null)) {
            if (!tables.next()) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE TABLE schema_version (version INT NOT NULL PRIMARY KEY,"
                            + " script VARCHAR(256) NOT NULL, applied_millis BIGINT NOT NULL)");
                }
                connection.commit();
                return 0;
            }
        }
        try (Statement query = connection.createStatement();
                ResultSet result = query.executeQuery("SELECT MAX(version) FROM schema_version")) {
            result.next();
            int version = result.getInt(1);
            if (version > SCRIPTS.size()) {
                throw new SQLException("the catalog's schema is version " + version + ", newer than this Deckhand's "
                        + SCRIPTS.size() + "; start the newer Deckhand that wrote it");
            }
            return version;
        }
    }

    private static void apply(Connection connection, int version, String script) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(script)) {
                statement.execute(sql);
            }
            try (PreparedStatement record = connection.prepareStatement(
                    "INSERT INTO schema_version (version, script, applied_millis) VALUES (?, ?, ?)")) {
                record.setInt(1, version);
                record.setString(2, script);
                record.setLong(3, System.currentTimeMillis());
                record.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("schema migration " + script + " failed: " + e.getMessage(), e.getSQLState(), e);
        }
    }

    /** Splits a script into statements at semicolons that end a line, dropping {@code --} comment lines. */
    private static List<String> statements(String script) throws IOException {
        String text;
        try (InputStream in = Migrations.class.getResourceAsStream("/db/" + script)) {
            if (in == null) {
                throw new IOException("the bundle lacks the schema script /db/" + script);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                statements.add(current.toString());
                current.setLength(0);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        return statements;
    }
}
