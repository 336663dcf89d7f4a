package org.deckhand.renamer.internal;

/** A move that was not made; the file is still at its source, untouched. */
final class MoveFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message why, naming the file, for the batch report
     */
    MoveFailedException(String message) {
        super(message);
    }
}
