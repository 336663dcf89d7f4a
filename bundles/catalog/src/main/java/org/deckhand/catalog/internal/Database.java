package org.deckhand.catalog.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.deckhand.api.catalog.CatalogException;

/**
 * The embedded Apache Derby database in a folder: connections to it, and its orderly shutdown, which leaves no
 * recovery work for the next start (Derby recovers from a crash through its transaction log all the same).
 */
final class Database implements AutoCloseable {

    private final Path folder;
    private final EmbeddedDataSource dataSource = new EmbeddedDataSource();

    /**
     * Opens the database, creating it when the folder holds none.
     *
     * @param folder the database's folder, such as {@code DATA/catalog/db}
     * @throws SQLException if Derby cannot boot it, for example when another process holds it
     */
    Database(Path folder) throws SQLException {
        this.folder = folder;
        System.setProperty("derby.stream.error.file", folder.resolveSibling("derby.log").toString());
        dataSource.setDatabaseName(folder.toString());
        dataSource.setCreateDatabase("create");
        try (Connection ignored = dataSource.getConnection()) {
            dataSource.setCreateDatabase(null);
        }
    }

    /**
     * @return a new connection in auto-commit mode; the caller closes it
     * @throws SQLException if the database is shut down or fails
     */
    Connection connect() throws SQLException {
        return dataSource.getConnection();
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
        try (Connection connection = connect()) {
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
        }
    }

    /** Work inside one transaction. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Shuts the database down; Derby reports success with SQL state 08006. */
    @Override
    public void close() throws SQLException {
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(folder.toString());
        shutdown.setShutdownDatabase("shutdown");
        try (Connection ignored = shutdown.getConnection()) {
            throw new SQLException("Derby did not shut down the database in " + folder);
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) {
                throw e;
            }
        }
    }
}
