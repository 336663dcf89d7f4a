package org.deckhand.notifier.internal.store;

/** The notifier's database failed; the message says what it was doing and where. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the database's folder
     * @param cause Derby's error
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
