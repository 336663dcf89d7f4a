package org.deckhand.database.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.apache.derby.jdbc.EmbeddedDriver;
import org.deckhand.api.database.EmbeddedDatabases;
import org.deckhand.api.io.DurableFiles;
import org.deckhand.api.runtime.RuntimeProperties;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's one Apache Derby engine (Derby 10.16, embedded), its system home {@code DATA/derby}. Derby reads its
 * engine-wide settings only from JVM system properties or from {@code derby.properties} in its system home (Derby
 * Developer's Guide, "Derby properties": scope and precedence), so the engine's settings are written into that file
 * and the one system property the engine needs, {@value #SYSTEM_HOME}, names it: the error log
 * ({@code DATA/derby/derby.log}) and the size of each database's page cache, {@value #PAGE_CACHE_PAGES} pages.
 * Stopping the component shuts every database it booted down, then the engine.
 */
@Component(service = EmbeddedDatabases.class)
public final class DerbyDatabases implements EmbeddedDatabases {

    /** The JVM system property that names Derby's system home, read when the engine boots. */
    static final String SYSTEM_HOME = "derby.system.home";

    /**
     * Pages each database's page cache holds: the catalog's tables have 32 KiB pages (Derby's
     * choice for rows declared wider than 4 KiB), so Derby's default of 1000 pages would grow to 32 MiB of heap once
     * a rescan or a search has read them, a fifth of the server's heap. 256 pages hold at most 8 MiB; what misses the
     * cache is read from the file system's cache.
     */
    static final int PAGE_CACHE_PAGES = 256;

    private static final Logger LOG = LoggerFactory.getLogger(DerbyDatabases.class);
    private static final String SHUT_DOWN_DATABASE = "08006";
    private static final String SHUT_DOWN_ENGINE = "XJ015";

    private final Path home;
    private final Set<Path> booted = ConcurrentHashMap.newKeySet();

    /**
     * @param context this bundle's context, for the data folder
     * @throws IOException if the system home or its {@code derby.properties} cannot be written
     */
    @Activate
    public DerbyDatabases(BundleContext context) throws IOException {
        this(Path.of(context.getProperty(RuntimeProperties.DATA), "derby"));
    }

    /**
     * @param home Derby's system home, created when missing; the engine boots there, with the settings written into
     *     its {@code derby.properties}, unless it has booted in this JVM already
     * @throws IOException if the folder or its {@code derby.properties} cannot be written
     */
    public DerbyDatabases(Path home) throws IOException {
        this.home = home.toAbsolutePath();
        List<String> settings = List.of(
                "# Written by Deckhand at each start: the settings of its embedded Derby engine.",
                "derby.stream.error.file=" + this.home.resolve("derby.log").toString().replace("\\", "\\\\"),
                "derby.storage.pageCacheSize=" + PAGE_CACHE_PAGES);
        byte[] content = (String.join("\n", settings) + "\n").getBytes(StandardCharsets.UTF_8);
        Path file = this.home.resolve("derby.properties");
        if (!Files.exists(file) || !Arrays.equals(Files.readAllBytes(file), content)) {
            DurableFiles.replace(file, content, DurableFiles.Access.INHERITED);
        }
        System.setProperty(SYSTEM_HOME, this.home.toString());
    }

    @Override
    public DataSource open(Path folder) throws SQLException {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(folder.toAbsolutePath().toString());
        dataSource.setCreateDatabase("create");
        try (Connection ignored = dataSource.getConnection()) {
            dataSource.setCreateDatabase(null);
        } catch (SQLException e) {
            throw new SQLException("Derby cannot open the database in " + folder + ": " + e.getMessage(),
                    e.getSQLState(), e);
        }
        booted.add(folder.toAbsolutePath());
        return dataSource;
    }

    @Override
    public void shutdown(Path folder) throws SQLException {
        Path absolute = folder.toAbsolutePath();
        if (!booted.remove(absolute)) {
            return;
        }
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(absolute.toString());
        shutdown.setShutdownDatabase("shutdown");
        try (Connection ignored = shutdown.getConnection()) {
            throw new SQLException("Derby did not shut down the database in " + folder);
        } catch (SQLException e) {
            if (!SHUT_DOWN_DATABASE.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /**
     * Shuts down the databases still booted, then the engine, which frees its threads and page cache.
     */
    @Deactivate
    public void close() {
        for (Path folder : Set.copyOf(booted)) {
            try {
                shutdown(folder);
            } catch (SQLException e) {
                LOG.warn("Derby did not shut down the database in {}: {}", folder, e.getMessage());
            }
        }
        try (Connection ignored = new EmbeddedDriver().connect("jdbc:derby:;shutdown=true", new Properties())) {
            LOG.warn("Derby did not shut its engine down");
        } catch (SQLException e) {
            if (!SHUT_DOWN_ENGINE.equals(e.getSQLState())) {
                LOG.warn("Derby did not shut its engine down: {}", e.getMessage());
            }
        }
    }
}
