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
 * Keeps the {@link LibrarySnapshot} the Subsonic API reads. The first request reads the catalog (about 15 s for
 * 100,000 tracks on a busy 2-core machine); after that, a change in the library or a finished analysis marks the
 * snapshot stale, and the next request once {@link #MIN_REBUILD_INTERVAL}, or {@value #REBUILD_INTERVAL_FACTOR} times
 * the last rebuild's duration if longer, has passed starts a rebuild in the background while the current snapshot
 * serves on: while a scan or the analysis changes the library, reading the catalog takes at most a tenth of a core.
 * Nothing is read while no Subsonic client asks.
 */
@Component(service = {LibraryView.class, EventHandler.class}, property = {
    EventConstants.EVENT_TOPIC + "=" + Topics.ROOT + "library/*",
    EventConstants.EVENT_TOPIC + "=" + Topics.ANALYSIS_TRACK_COMPLETED})
public final class LibraryView implements EventHandler {

    static final Duration MIN_REBUILD_INTERVAL = Duration.ofSeconds(30);
    static final int REBUILD_INTERVAL_FACTOR = 10;
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
    private volatile Duration interval = MIN_REBUILD_INTERVAL;

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
        if (stale.get() && Duration.between(builtAt, clock.instant()).compareTo(interval) >= 0
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
        Instant started = clock.instant();
        LibrarySnapshot.Builder builder = new LibrarySnapshot.Builder();
        catalog.forEach(builder::add);
        snapshot = builder.build();
        builtAt = clock.instant();
        Duration took = Duration.between(started, builtAt);
        interval = took.multipliedBy(REBUILD_INTERVAL_FACTOR).compareTo(MIN_REBUILD_INTERVAL) > 0
                ? took.multipliedBy(REBUILD_INTERVAL_FACTOR) : MIN_REBUILD_INTERVAL;
        LOG.info("Subsonic API: read {} songs from the catalog in {} ms", snapshot.songs().size(), took.toMillis());
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
