package org.deckhand.search.internal;

import org.apache.lucene.search.Query;

/**
 * A query parsed from the query language.
 *
 * @param query the Lucene query
 * @param scored whether it holds words to rank by relevance; when it does not, results sort by id by default
 */
record ParsedQuery(Query query, boolean scored) {
}
