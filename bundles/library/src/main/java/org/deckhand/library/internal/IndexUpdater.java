package org.deckhand.library.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.deckhand.api.search.TrackIndex;
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
 * Keeps the search index in step with the catalog, which is the system of record: each library event, and the end of
 * each track's analysis, updates its track's entry; at start, and on demand, an index that does not hold as many tracks as the catalog is rebuilt from
 * it. Updates run on one thread of their own, in the order the events came.
 */
@Component(service = {IndexUpdater.class, EventHandler.class}, immediate = true,
        property = {EventConstants.EVENT_TOPIC + "=" + Topics.ROOT + "library/file/*",
                EventConstants.EVENT_TOPIC + "=" + Topics.ANALYSIS_TRACK_COMPLETED})
public final class IndexUpdater implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(IndexUpdater.class);

    private final Catalog catalog;
    private final TrackIndex index;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "deckhand-index-updater");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Checks the index against the catalog and rebuilds it when they disagree.
     *
     * @param catalog the system of record
     * @param index the search index
     */
    @Activate
    public IndexUpdater(@Reference Catalog catalog, @Reference TrackIndex index) {
        this.catalog = catalog;
        this.index = index;
        worker.execute(() -> {
            long tracks = catalog.stats().tracks();
            if (index.size() != tracks) {
                LOG.info("The search index holds {} tracks and the catalog {}: rebuilding it", index.size(), tracks);
                rebuildNow();
            }
        });
    }

    /** Stops updating. */
    @Deactivate
    public void deactivate() {
        worker.shutdownNow();
        index.commit();
    }

    /** Rebuilds the index from the catalog, in the background. */
    public void rebuild() {
        worker.execute(this::rebuildNow);
    }

    @Override
    public void handleEvent(Event event) {
        Object id = event.getProperty(EventProperties.TRACK_ID);
        if (id instanceof Long trackId) {
            worker.execute(() -> update(trackId));
        }
    }

    private void update(long trackId) {
        try {
            catalog.get(trackId).ifPresentOrElse(track -> index.put(IndexedTracks.of(track)),
                    () -> index.delete(trackId));
        } catch (RuntimeException e) {
            LOG.error("Could not update the search index for track {}", trackId, e);
        }
    }

    private void rebuildNow() {
        long started = System.nanoTime();
        index.clear();
        catalog.forEach(track -> index.put(IndexedTracks.of(track)));
        index.commit();
        LOG.info("Search index rebuilt with {} tracks in {} s", index.size(),
                String.format("%.1f", (System.nanoTime() - started) / 1e9));
    }
}
