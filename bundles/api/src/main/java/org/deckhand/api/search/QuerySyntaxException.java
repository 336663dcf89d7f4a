package org.deckhand.api.search;

/**
 * Thrown for a query, sort or cursor that is malformed; its message says where, counting characters from 1, and why,
 * such as {@code "'bpm' takes a number such as 124, a range such as 120..128 or a comparison such as >120; '12x' is
 * not one (at character 5)"}. {@link #position()} gives the same place as a 0-based offset.
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
