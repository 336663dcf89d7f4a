package org.deckhand.api.search;

/**
 * A search.
 *
 * @param query the query in Deckhand's query language; empty or null for every track
 * @param sort the field to sort on, {@code -} before it for descending order, such as {@code -bpm}; null for
 *     relevance, then id
 * @param cursor the {@link SearchPage#nextCursor() cursor} of the previous page, or null for the first page
 * @param limit the largest number of tracks on the page, 1 to 1000
 */
public record SearchRequest(String query, String sort, String cursor, int limit) {

    /**
     * @throws IllegalArgumentException if {@code limit} is not between 1 and 1000
     */
    public SearchRequest {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must lie in 1..1000: " + limit);
        }
    }
}
