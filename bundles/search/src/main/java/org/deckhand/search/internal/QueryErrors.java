package org.deckhand.search.internal;

import java.util.Locale;
import org.deckhand.api.search.QuerySyntaxException;

/** Builds the {@link QuerySyntaxException}s of the query language, each saying where the query is wrong. */
final class QueryErrors {

    private QueryErrors() {
    }

    /**
     * @param position the 0-based offset in the query where it is wrong
     * @param format what is wrong, a {@link String#format} pattern
     * @param arguments the pattern's arguments
     * @return the exception, its message ending in {@code (at character N)}, N counted from 1 for the user
     */
    static QuerySyntaxException at(int position, String format, Object... arguments) {
        String message = String.format(Locale.ROOT, format, arguments);
        return new QuerySyntaxException(message + " (at character " + (position + 1) + ")", position);
    }
}
