package org.deckhand.search.internal;

/**
 * One token of a query: a clause ({@code techno}, {@code "daft punk"}, {@code -bpm:>130}) or the word {@code OR}.
 *
 * @param or whether this is the {@code OR} operator rather than a clause
 * @param negated whether the clause began with {@code -}
 * @param field the field name before the colon, or null for a bare word or phrase
 * @param fieldPosition the 0-based offset of the field name in the query, or -1
 * @param value the word, the phrase without its quotes, or the field's value
 * @param valuePosition the 0-based offset of the value in the query (of its opening quote when quoted)
 * @param quoted whether the value was a "quoted phrase"
 */
record QueryToken(boolean or, boolean negated, String field, int fieldPosition, String value, int valuePosition,
        boolean quoted) {
}
