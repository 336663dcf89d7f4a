package org.deckhand.api.search;

/**
 * Thrown for a query, sort or cursor that is malformed; it says where and why, such as
 * {@code "bpm:12x..128: 'bpm' takes a number or a range like 120..128 (at character 4)"}.
 */
public class QuerySyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int position;

    /**
     * @param message what is wrong, for the user
     * @param position the 0-based offset in the query where it is wrong
     */
    public QuerySyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    /**
     * @return the 0-based offset in the query where it is wrong
     */
    public int position() {
        return position;
    }
}
