package org.deckhand.notifier.internal;

/** A channel request that cannot make a working channel; the message says why and never holds a secret. */
public final class ChannelRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, for the user */
    public ChannelRequestException(String message) {
        super(message);
    }
}
