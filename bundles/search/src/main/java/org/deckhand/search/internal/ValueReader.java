package org.deckhand.search.internal;

import org.deckhand.api.search.QuerySyntaxException;

/** Reads one bound of a numeric condition, such as {@code 120}, {@code 5m30s} or {@code 7d}. */
@FunctionalInterface
interface ValueReader {

    /**
     * @param text the bound as typed, never empty
     * @param position the 0-based offset of the bound in the query
     * @return its value in the field's unit (beats per minute, seconds, milliseconds of age, ...)
     * @throws QuerySyntaxException if the text is not such a value
     */
    double read(String text, int position) throws QuerySyntaxException;
}
