package org.deckhand.search.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.deckhand.api.runtime.RuntimeProperties;
import org.deckhand.api.search.IndexedTrack;
import org.deckhand.api.search.QuerySyntaxException;
import org.deckhand.api.search.SearchPage;
import org.deckhand.api.search.SearchRequest;
import org.deckhand.api.search.TrackIndex;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link TrackIndex} service: the Lucene index in {@code DATA/index/tracks}. It is immediate, so the index is
 * opened (and a corrupt one reported) when the bundle starts rather than at the first search, and it is closed,
 * with pending changes committed, when the bundle stops.
 */
@Component(service = TrackIndex.class, immediate = true)
public final class TrackIndexComponent implements TrackIndex {

    private static final Logger LOG = LoggerFactory.getLogger(TrackIndexComponent.class);

    private final LuceneTrackIndex index;

    /**
     * Opens the index.
     *
     * @param context this bundle's context, for the data folder
     * @throws IOException if the index cannot be opened; the message names its folder
     */
    @Activate
    public TrackIndexComponent(BundleContext context) throws IOException {
        Path folder = Path.of(context.getProperty(RuntimeProperties.DATA), "index", "tracks");
        try {
            index = new LuceneTrackIndex(folder, Clock.systemUTC());
        } catch (IOException e) {
            LOG.error(e.getMessage());
            throw e;
        }
        LOG.info("Search index opened in {} with {} tracks", folder, index.size());
    }

    /**
     * Closes the index, committing pending changes.
     *
     * @throws IOException if it cannot be closed cleanly
     */
    @Deactivate
    public void deactivate() throws IOException {
        index.close();
    }

    @Override
    public void put(IndexedTrack track) {
        index.put(track);
    }

    @Override
    public void delete(long trackId) {
        index.delete(trackId);
    }

    @Override
    public void clear() {
        index.clear();
    }

    @Override
    public void commit() {
        index.commit();
    }

    @Override
    public long size() {
        return index.size();
    }

    @Override
    public SearchPage search(SearchRequest request) throws QuerySyntaxException {
        return index.search(request);
    }
}
