package org.deckhand.api.catalog;

/** The catalog could not do what was asked; the message says why, naming the track or file concerned. */
public class CatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong
     */
    public CatalogException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure, usually a {@link java.sql.SQLException}
     */
    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
