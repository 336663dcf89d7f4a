package org.deckhand.testing.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.deckhand.api.database.EmbeddedDatabases;
import org.deckhand.database.internal.DerbyDatabases;

/**
 * The embedded Derby engine for tests outside the OSGi framework, as the server runs it: one per JVM (Derby's engine
 * is one per JVM in any case), its system home in a temporary folder.
 */
public final class TestDatabases {

    private static EmbeddedDatabases engine;

    private TestDatabases() {
    }

    /**
     * @return the JVM's engine, booted on first use
     * @throws UncheckedIOException if its temporary system home cannot be made
     */
    public static synchronized EmbeddedDatabases engine() {
        if (engine == null) {
            try {
                engine = new DerbyDatabases(Files.createTempDirectory("deckhand-derby"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return engine;
    }
}
