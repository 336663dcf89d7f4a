package org.deckhand.api.search;

import java.util.List;

/**
 * One page of search results.
 *
 * @param trackIds the ids of the tracks found, in order
 * @param totalHits how many tracks match in all
 * @param nextCursor the cursor that gives the next page, or null when this is the last
 */
public record SearchPage(List<Long> trackIds, long totalHits, String nextCursor) {

    /** Copies the list. */
    public SearchPage {
        trackIds = List.copyOf(trackIds);
    }
}
