package org.deckhand.renamer.internal;

/**
 * A path template that cannot be parsed, with the position of the fault. Its message reads
 * {@code "character 7: %upper{ is never closed"}.
 */
public final class TemplateSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int position;
    private final String reason;

    /**
     * @param position the 1-based character position in the template where the fault lies
     * @param reason what is wrong there
     */
    public TemplateSyntaxException(int position, String reason) {
        super("character " + position + ": " + reason);
        this.position = position;
        this.reason = reason;
    }

    /**
     * @return the 1-based character position of the fault
     */
    public int position() {
        return position;
    }

    /**
     * @return what is wrong, without the position
     */
    public String reason() {
        return reason;
    }
}
