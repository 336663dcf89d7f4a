package org.deckhand.notifier.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.deckhand.api.database.EmbeddedDatabases;

/**
 * The notifier's own database, {@code DATA/notifier/db}, in the server's Derby engine ({@link EmbeddedDatabases}): its
 * channels, messages and their
 * deliveries (the outbox and its history). Each unit of work runs in one transaction on a connection of its own;
 * Derby's transaction log makes a committed write survive a crash.
 */
public final class NotifierDatabase implements AutoCloseable {

    /** The schema this code writes; older ones are brought up to it at start, one version at a time. */
    static final int SCHEMA_VERSION = 3;

    /** How many times a transaction that met a deadlock or a lock timeout is run again before it fails. */
    static final int CONFLICT_ATTEMPTS = 5;

    /** The first schema, as the first release created it; kept word for word, for the migrations that follow. */
    static final List<String> SCHEMA_V1 = List.of(
            // 4 KiB pages for every table: Derby would choose 32 KiB for tables with CLOB or BLOB columns, and the
            // database's page cache (as many pages as the engine's derby.storage.pageCacheSize) would then grow eight
            // times as large for a database of a few megabytes.
            "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.storage.pageSize', '4096')",
            "CREATE TABLE schema_version (version INT NOT NULL)",
            "CREATE TABLE channel (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, type VARCHAR(64) NOT NULL, "
                    + "name VARCHAR(200) NOT NULL, enabled BOOLEAN NOT NULL, min_level VARCHAR(16) NOT NULL, "
                    + "kinds VARCHAR(200) NOT NULL, rate_per_minute INT NOT NULL, settings CLOB NOT NULL, "
                    + "secrets CLOB NOT NULL, stopped_status INT, stopped_reason VARCHAR(1000), "
                    + "created_millis BIGINT NOT NULL)",
            "CREATE TABLE message (id VARCHAR(64) PRIMARY KEY, kind VARCHAR(16) NOT NULL, level VARCHAR(16) NOT NULL, "
                    + "title VARCHAR(1000) NOT NULL, body CLOB NOT NULL, fields CLOB NOT NULL, link VARCHAR(2000), "
                    + "attachment_name VARCHAR(255), attachment_type VARCHAR(100), attachment BLOB, "
                    + "created_millis BIGINT NOT NULL, events INT NOT NULL)",
            "CREATE TABLE delivery (seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, channel_id BIGINT NOT NULL, "
                    + "message_id VARCHAR(64) NOT NULL, state VARCHAR(16) NOT NULL, attempts INT NOT NULL, "
                    + "last_status INT, last_reason VARCHAR(1000), latency_millis BIGINT, receiver_id VARCHAR(200), "
                    + "queued_millis BIGINT NOT NULL, next_attempt_millis BIGINT NOT NULL, finished_millis BIGINT)",
            "CREATE INDEX delivery_pending ON delivery (channel_id, state, seq)",
            "CREATE INDEX delivery_message ON delivery (message_id)",
            "INSERT INTO schema_version VALUES (1)");

    /**
     * Version 1 to 2: the open digest windows (one row per kind, with the running summary of what it gathered, as
     * {@code Digest} writes it), and per channel the messages dropped by the outbox's bound that the channel has not
     * been told of yet, with what the channel was doing then.
     */
    static final List<String> MIGRATION_V2 = List.of(
            "CREATE TABLE digest_window (kind VARCHAR(16) PRIMARY KEY, opened_millis BIGINT NOT NULL, "
                    + "closes_millis BIGINT NOT NULL, summary CLOB NOT NULL)",
            "ALTER TABLE channel ADD COLUMN dropped_unreported INT NOT NULL DEFAULT 0",
            "ALTER TABLE channel ADD COLUMN dropped_while VARCHAR(200)",
            "UPDATE schema_version SET version = 2");

    /**
     * Version 2 to 3: per channel, the id of the queued notice that tells it of its dropped messages (it goes ahead
     * of the backlog and the bound never drops it), and how many of its messages the bound dropped in all, counted
     * from the history's dropped deliveries at the migration; the history's pruning does not lower that count.
     */
    static final List<String> MIGRATION_V3 = List.of(
            "ALTER TABLE channel ADD COLUMN dropped_notice VARCHAR(64)",
            "ALTER TABLE channel ADD COLUMN dropped_total INT NOT NULL DEFAULT 0",
            "UPDATE channel SET dropped_total = (SELECT COUNT(*) FROM delivery d WHERE d.channel_id = channel.id "
                    + "AND d.state = 'DROPPED')",
            "UPDATE schema_version SET version = 3");

    /** The steps from each version to the next: the step at index {@code i} brings version {@code i} to i + 1. */
    private static final List<List<String>> STEPS = List.of(SCHEMA_V1, MIGRATION_V2, MIGRATION_V3);

    /** SQL states of a transaction that lost to another and may simply run again: a deadlock, a lock timeout. */
    private static final Set<String> CONFLICTS = Set.of("40001", "40XL1");

    private final Path folder;
    private final EmbeddedDatabases engine;
    private final DataSource dataSource;

    /**
     * Opens the database in a folder, creating it and its tables when the folder holds none.
     *
     * @param engine the server's Derby engine
     * @param folder the notifier's folder, {@code DATA/notifier} in the server; the database is its {@code db}
     * @throws IOException if the folder cannot be created, or the database cannot be booted or migrated (another
     *     process holds it, or it is damaged), the message naming the folder
     */
    public NotifierDatabase(EmbeddedDatabases engine, Path folder) throws IOException {
        this.folder = folder.resolve("db");
        this.engine = engine;
        Files.createDirectories(folder);
        try {
            this.dataSource = engine.open(this.folder);
            try (Connection connection = dataSource.getConnection()) {
                migrate(connection);
            }
        } catch (SQLException e) {
            throw new IOException("The notifier's database in " + this.folder + " cannot be opened: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Brings the schema up to {@link #SCHEMA_VERSION}, one version at a time, each step in a transaction of its own
     * that also records the version it reached; a database made by a newer server is refused.
     */
    private static void migrate(Connection connection) throws SQLException {
        int version = version(connection);
        if (version > SCHEMA_VERSION) {
            throw new SQLException("its schema version " + version + " is newer than this server's "
                    + SCHEMA_VERSION);
        }
        connection.setAutoCommit(false);
        for (int step = version; step < SCHEMA_VERSION; step++) {
            try (Statement statement = connection.createStatement()) {
                for (String sql : STEPS.get(step)) {
                    statement.execute(sql);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw new SQLException("bringing its schema from version " + step + " to " + (step + 1)
                        + " failed: " + e.getMessage(), e.getSQLState(), e);
            }
        }
        connection.setAutoCommit(true);
    }

    /** @return the schema's version, 0 for an empty database */
    private static int version(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "SCHEMA_VERSION", null)) {
            if (!tables.next()) {
                return 0;
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet version = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            version.next();
            return version.getInt(1);
        }
    }

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws. A transaction that Derby
     * chose as the victim of a deadlock (SQL state 40001) or whose lock wait timed out (40XL1) is rolled back and
     * run again, up to {@value #CONFLICT_ATTEMPTS} times in all; the work must therefore do nothing outside the
     * database that cannot be done twice.
     *
     * @param what what the work does, for the error message: "The notifier could not WHAT: ..."
     * @param work the work
     * @return what the work returns
     * @throws StoreException if the database fails, or the conflicts go on
     */
    public <T> T transaction(String what, SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (SQLException e) {
                if (attempt < CONFLICT_ATTEMPTS && conflict(e)) {
                    continue;
                }
                throw new StoreException("The notifier could not " + what + " in " + folder + ": " + e.getMessage()
                        + (conflict(e) ? " (after " + attempt + " attempts)" : ""), e);
            }
        }
    }

    private <T> T once(SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** @return whether the failure, or one it chains, is a deadlock or a lock timeout */
    static boolean conflict(SQLException failure) {
        for (SQLException link = failure; link != null; link = link.getNextException()) {
            if (CONFLICTS.contains(link.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface SqlWork<T> {

        /**
         * @param connection the transaction's connection
         * @return the work's result
         * @throws SQLException if a statement fails; the transaction is then rolled back
         */
        T run(Connection connection) throws SQLException;
    }

    /**
     * Shuts the database down, leaving no recovery work for the next start.
     *
     * @throws IOException if Derby fails to shut it down
     */
    @Override
    public void close() throws IOException {
        try {
            engine.shutdown(folder);
        } catch (SQLException e) {
            throw new IOException("The notifier's database in " + folder + " did not shut down: " + e.getMessage(), e);
        }
    }
}
