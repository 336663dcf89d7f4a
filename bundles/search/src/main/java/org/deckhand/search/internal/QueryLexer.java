package org.deckhand.search.internal;

import java.util.ArrayList;
import java.util.List;
import org.deckhand.api.search.QuerySyntaxException;

/**
 * Splits a query into {@link QueryToken tokens} at whitespace, keeping "quoted phrases" whole and separating a
 * leading {@code -} and a {@code field:} prefix. See {@link QueryParser} for the grammar.
 */
final class QueryLexer {

    private static final char QUOTE = '"';
    private static final char COLON = ':';
    private static final char MINUS = '-';
    private static final String OR = "OR";

    private final String query;
    private int cursor;

    private QueryLexer(String query) {
        this.query = query;
    }

    /**
     * @param query the query as typed
     * @return its tokens, in order
     * @throws QuerySyntaxException if a quote is not closed or a field has no value
     */
    static List<QueryToken> tokenize(String query) throws QuerySyntaxException {
        return new QueryLexer(query).tokens();
    }

    private List<QueryToken> tokens() throws QuerySyntaxException {
        List<QueryToken> tokens = new ArrayList<>();
        skipWhitespace();
        while (cursor < query.length()) {
            tokens.add(token());
            skipWhitespace();
        }
        return tokens;
    }

    private QueryToken token() throws QuerySyntaxException {
        boolean negated = query.charAt(cursor) == MINUS && cursor + 1 < query.length()
                && !Character.isWhitespace(query.charAt(cursor + 1));
        if (negated) {
            cursor++;
        }
        int start = cursor;
        if (query.charAt(cursor) == QUOTE) {
            String phrase = quoted();
            return new QueryToken(false, negated, null, -1, phrase, start, true);
        }
        int nameEnd = start;
        while (nameEnd < query.length() && !Character.isWhitespace(query.charAt(nameEnd))
                && query.charAt(nameEnd) != COLON) {
            nameEnd++;
        }
        if (nameEnd > start && nameEnd < query.length() && query.charAt(nameEnd) == COLON) {
            return fieldToken(negated, query.substring(start, nameEnd), start, nameEnd + 1);
        }
        String word = word();
        boolean or = !negated && word.equals(OR);
        return new QueryToken(or, negated, null, -1, word, start, false);
    }

    private QueryToken fieldToken(boolean negated, String field, int fieldPosition, int valuePosition)
            throws QuerySyntaxException {
        cursor = valuePosition;
        boolean quoted = cursor < query.length() && query.charAt(cursor) == QUOTE;
        String value = quoted ? quoted() : word();
        if (value.isBlank()) {
            throw QueryErrors.at(valuePosition, "'%s:' needs a value after the colon", field);
        }
        return new QueryToken(false, negated, field, fieldPosition, value, valuePosition, quoted);
    }

    private String quoted() throws QuerySyntaxException {
        int open = cursor;
        int close = query.indexOf(QUOTE, open + 1);
        if (close < 0) {
            throw QueryErrors.at(open, "the quote opened here is never closed: add a closing \"");
        }
        cursor = close + 1;
        return query.substring(open + 1, close);
    }

    private String word() {
        int start = cursor;
        while (cursor < query.length() && !Character.isWhitespace(query.charAt(cursor))) {
            cursor++;
        }
        return query.substring(start, cursor);
    }

    private void skipWhitespace() {
        while (cursor < query.length() && Character.isWhitespace(query.charAt(cursor))) {
            cursor++;
        }
    }
}
