package org.deckhand.plugins.internal;

/** Says why a file cannot be a plugin, in words for the user. */
final class InvalidPluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidPluginException(String message) {
        super(message);
    }
}
