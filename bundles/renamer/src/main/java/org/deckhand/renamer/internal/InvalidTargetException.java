package org.deckhand.renamer.internal;

/** A track whose template gives no valid target: an empty name, {@code ..}, a path too long. */
final class InvalidTargetException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong with the target, for the user
     */
    InvalidTargetException(String message) {
        super(message);
    }
}
