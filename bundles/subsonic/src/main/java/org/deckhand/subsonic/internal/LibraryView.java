package org.deckhand.subsonic.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.event.Topics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link LibrarySnapshot} the Subsonic API reads. The first request reads the catalog; after that, a change
 * in the library or a finished analysis marks the snapshot stale, and the next request after
 * {@link #MIN_REBUILD_INTERVAL} has passed starts a rebuild in the background while the current snapshot serves on:
 * during a scan of 100,000 tracks the catalog is read at most twice a minute.
 */
@Component(service = {LibraryView.class, EventHandler.class}, property = {
    EventConstants.EVENT_TOPIC + "=" + Topics.ROOT + "library/*",
    EventConstants.EVENT_TOPIC + "=" + Topics.ANALYSIS_TRACK_COMPLETED})
public final class LibraryView implements EventHandler {

    static final Duration MIN_REBUILD_INTERVAL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(LibraryView.class);

    private final Catalog catalog;
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean stale = new AtomicBoolean();
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "subsonic-library-snapshot");
        thread.setDaemon(true);
        return thread;
    });
    private volatile LibrarySnapshot snapshot;
    private volatile Instant builtAt = Instant.EPOCH;

    /** @param catalog the catalog it reads */
    @Activate
    public LibraryView(@Reference Catalog catalog) {
        this.catalog = catalog;
    }

    /** @return the current snapshot, read from the catalog now if there is none yet */
    LibrarySnapshot current() {
        LibrarySnapshot current = snapshot;
        if (current == null) {
            synchronized (this) {
                if (snapshot == null) {
                    rebuild();
                }
                return snapshot;
            }
        }
        if (stale.get() && Duration.between(builtAt, clock.instant()).compareTo(MIN_REBUILD_INTERVAL) >= 0
                && rebuilding.compareAndSet(false, true)) {
            rebuilder.execute(() -> {
                try {
                    rebuild();
                } catch (RuntimeException e) {
                    LOG.warn("Could not read the library for the Subsonic API; the previous view serves on", e);
                } finally {
                    rebuilding.set(false);
                }
            });
        }
        return current;
    }

    private void rebuild() {
        stale.set(false);
        LibrarySnapshot.Builder builder = new LibrarySnapshot.Builder();
        catalog.forEach(builder::add);
        snapshot = builder.build();
        builtAt = clock.instant();
    }

    @Override
    public void handleEvent(Event event) {
        stale.set(true);
    }

    /** Stops a rebuild under way. */
    @Deactivate
    void stop() {
        rebuilder.shutdownNow();
    }
}
