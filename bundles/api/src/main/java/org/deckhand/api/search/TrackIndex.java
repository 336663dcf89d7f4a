package org.deckhand.api.search;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The search index of the library, derived from the catalog and rebuildable from it. A service; thread-safe.
 * Changes are visible to searches within a second (near-real-time) and durable after {@link #commit()}.
 */
@ProviderType
public interface TrackIndex {

    /**
     * Adds a track, or replaces the one with the same id.
     *
     * @param track the track
     */
    void put(IndexedTrack track);

    /**
     * Removes a track; nothing happens when it is not indexed.
     *
     * @param trackId the track's catalog id
     */
    void delete(long trackId);

    /** Removes every track, before a rebuild. */
    void clear();

    /** Makes every change so far durable on disk. */
    void commit();

    /**
     * @return how many tracks the index holds
     */
    long size();

    /**
     * Searches the index.
     *
     * @param request the query, sort, cursor and page size
     * @return the page of results
     * @throws QuerySyntaxException if the query, the sort or the cursor is malformed
     */
    SearchPage search(SearchRequest request) throws QuerySyntaxException;
}
