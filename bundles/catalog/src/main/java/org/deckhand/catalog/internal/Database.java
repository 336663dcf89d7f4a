package org.deckhand.catalog.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import javax.sql.DataSource;
import org.deckhand.api.catalog.CatalogException;
import org.deckhand.api.database.EmbeddedDatabases;

/**
 * The catalog's database in a folder, in the server's Derby engine ({@link EmbeddedDatabases}): transactions on it,
 * and its orderly shutdown, which leaves no recovery work for the next start (Derby recovers from a crash through its transaction log all the same).
 * Connections are reused: opening one for every call made the library scan and the search pages pay for a new Derby
 * connection each time, and its finalizer kept each closed one alive for a further garbage collection.
 */
final class Database implements AutoCloseable {

    /** Connections kept open between calls, enough for the API's and the workers' concurrent calls. */
    private static final int IDLE_CONNECTIONS = 4;

    private final Path folder;
    private final EmbeddedDatabases engine;
    private final DataSource dataSource;
    private final BlockingDeque<Connection> idle = new LinkedBlockingDeque<>(IDLE_CONNECTIONS);

    /**
     * Opens the database, creating it when the folder holds none.
     *
     * @param engine the server's Derby engine
     * @param folder the database's folder, such as {@code DATA/catalog/db}
     * @throws SQLException if Derby cannot boot it, for example when another process holds it
     */
    Database(EmbeddedDatabases engine, Path folder) throws SQLException {
        this.folder = folder;
        this.engine = engine;
        this.dataSource = engine.open(folder);
    }

    /**
     * @return a connection in auto-commit mode, open since an earlier call or new; the caller gives it back with
     *     {@link #release(Connection)}
     * @throws SQLException if the database is shut down or fails
     */
    Connection connect() throws SQLException {
        Connection reused = idle.pollFirst();
        return reused != null && !reused.isClosed() ? reused : dataSource.getConnection();
    }

    /**
     * Takes a connection back for the next call, in auto-commit mode, or closes it when enough are kept or it broke.
     *
     * @param connection a connection from {@link #connect()}, its transaction committed or rolled back
     */
    void release(Connection connection) {
        try {
            if (connection.isClosed()) {
                return;
            }
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            if (!idle.offerFirst(connection)) {
                connection.close();
            }
        } catch (SQLException broken) {
            closeQuietly(connection);
        }
    }

    Path folder() {
        return folder;
    }

    /**
     * Runs work in one transaction on its own connection: committed when it returns, rolled back when it throws.
     *
     * @param what what the work does, for the error message: "The catalog could not WHAT: ..."
     * @param work the work
     * @return what the work returns
     * @throws CatalogException if the database fails
     */
    <T> T transaction(String what, SqlWork<T> work) {
        Connection connection = null;
        try {
            connection = connect();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new CatalogException("The catalog could not " + what + ": " + e.getMessage(), e);
        } finally {
            if (connection != null) {
                release(connection);
            }
        }
    }

    /** Work inside one transaction. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Shuts the database down, after closing the connections kept for reuse. */
    @Override
    public void close() throws SQLException {
        for (Connection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            closeQuietly(connection);
        }
        engine.shutdown(folder);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException alreadyBroken) {
            // A connection that cannot be closed is one Derby has dropped already.
        }
    }
}
