package org.deckhand.api.database;

import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The server's one embedded Apache Derby engine: each bundle that keeps a database opens it here, in a folder of its
 * own, so that the engine, its page cache, its threads and its engine-wide settings exist once in the server however
 * many databases it holds. The service owns Derby's engine-wide settings ({@code derby.properties} in its system
 * home: the error log, the page cache); a bundle sets its database's own properties through SQL
 * ({@code SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY}). Thread-safe.
 */
public interface EmbeddedDatabases {

    /**
     * Boots the database in a folder, creating it when the folder holds none.
     *
     * @param folder the database's folder, absolute, such as {@code DATA/catalog/db}
     * @return connections to it, in auto-commit mode, each to be closed by its user
     * @throws SQLException if Derby cannot boot it (another process holds it, or it is damaged), the message naming
     *     the folder
     */
    DataSource open(Path folder) throws SQLException;

    /**
     * Shuts a database down, leaving no recovery work for its next boot; its connections fail from then on. Shutting
     * down a database that is not booted does nothing.
     *
     * @param folder the folder it was opened in
     * @throws SQLException if Derby fails to shut it down
     */
    void shutdown(Path folder) throws SQLException;
}
