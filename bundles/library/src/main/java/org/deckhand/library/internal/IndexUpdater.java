package org.deckhand.library.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.CatalogTrack;
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
 * Keeps the search index in step with the catalog, which is the system of record. Each library event, and the end of
 * each track's analysis, updates its track's entry at once, visible to searches within a second. Every
 * {@value #COMMIT_INTERVAL_SECONDS} s, or after {@value #COMMIT_BATCH} tracks, the index commits, and the catalog is
 * told which revision of each track is now durable in it. At start, the tracks the catalog still holds as stale (what
 * a crash, a kill or a lost event kept from a commit) are indexed again, and an index that then holds another number
 * of tracks than the catalog is rebuilt from it. Everything runs on one thread of its own, in the order the events
 * came.
 */
@Component(service = {IndexUpdater.class, EventHandler.class}, immediate = true,
        property = {EventConstants.EVENT_TOPIC + "=" + Topics.ROOT + "library/file/*",
                EventConstants.EVENT_TOPIC + "=" + Topics.ANALYSIS_TRACK_COMPLETED})
public final class IndexUpdater implements EventHandler {

    /** The most time between an update of the index and its commit, seconds. */
    static final long COMMIT_INTERVAL_SECONDS = 10;
    /** The most tracks updated before a commit. */
    static final int COMMIT_BATCH = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(IndexUpdater.class);
    private static final int CATCH_UP_BATCH = 500;
    private static final long STOP_WAIT_SECONDS = 10;

    private final Catalog catalog;
    private final TrackIndex index;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "deckhand-index-updater");
        thread.setDaemon(true);
        return thread;
    });
    /** The revisions of the tracks updated since the last commit, by track id; the worker's alone. */
    private final Map<Long, Long> uncommitted = new HashMap<>();
    private boolean deletedSinceCommit;

    /**
     * Catches up with the changes the index has not committed, and rebuilds it when it and the catalog disagree.
     *
     * @param catalog the system of record
     * @param index the search index
     */
    @Activate
    public IndexUpdater(@Reference Catalog catalog, @Reference TrackIndex index) {
        this.catalog = catalog;
        this.index = index;
        worker.execute(this::catchUp);
        worker.scheduleWithFixedDelay(this::commit, COMMIT_INTERVAL_SECONDS, COMMIT_INTERVAL_SECONDS,
                TimeUnit.SECONDS);
    }

    /**
     * Stops updating and commits what was updated; updates still queued are left to the next start, which finds them
     * stale in the catalog.
     *
     * @throws InterruptedException if interrupted while the worker finishes its update
     */
    @Deactivate
    public void deactivate() throws InterruptedException {
        worker.shutdownNow();
        if (!worker.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            LOG.warn("The search index updater did not stop within {} s; its last updates are committed at the next "
                    + "start", STOP_WAIT_SECONDS);
            return;
        }
        commit();
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

    private void catchUp() {
        long started = System.nanoTime();
        long caughtUp = 0;
        long after = 0;
        for (List<Long> stale = catalog.staleInIndex(after, CATCH_UP_BATCH); !stale.isEmpty();
                stale = catalog.staleInIndex(after, CATCH_UP_BATCH)) {
            stale.forEach(this::update);
            commit();
            caughtUp += stale.size();
            after = stale.get(stale.size() - 1);
        }
        if (caughtUp > 0) {
            LOG.info("Search index caught up with {} track(s) changed since its last commit, in {} s", caughtUp,
                    String.format("%.1f", (System.nanoTime() - started) / 1e9));
        }
        long tracks = catalog.stats().tracks();
        if (index.size() != tracks) {
            LOG.info("The search index holds {} tracks and the catalog {}: rebuilding it", index.size(), tracks);
            rebuildNow();
        }
    }

    private void update(long trackId) {
        try {
            catalog.get(trackId).ifPresentOrElse(this::put, () -> {
                index.delete(trackId);
                uncommitted.remove(trackId);
                deletedSinceCommit = true;
            });
        } catch (RuntimeException e) {
            LOG.error("Could not update the search index for track {}", trackId, e);
        }
        if (uncommitted.size() >= COMMIT_BATCH) {
            commit();
        }
    }

    private void put(CatalogTrack track) {
        index.put(IndexedTracks.of(track));
        uncommitted.put(track.id(), track.revision());
    }

    private void commit() {
        if (uncommitted.isEmpty() && !deletedSinceCommit) {
            return;
        }
        try {
            index.commit();
            catalog.markIndexed(Map.copyOf(uncommitted));
            uncommitted.clear();
            deletedSinceCommit = false;
        } catch (RuntimeException e) {
            LOG.error("Could not commit the search index; its {} update(s) are committed later", uncommitted.size(),
                    e);
        }
    }

    /**
     * Indexes every track again. It marks nothing in the catalog: a track stale there before the rebuild is indexed
     * once more at the next start.
     */
    private void rebuildNow() {
        long started = System.nanoTime();
        index.clear();
        catalog.forEach(track -> index.put(IndexedTracks.of(track)));
        index.commit();
        deletedSinceCommit = false;
        LOG.info("Search index rebuilt with {} tracks in {} s", index.size(),
                String.format("%.1f", (System.nanoTime() - started) / 1e9));
    }
}
