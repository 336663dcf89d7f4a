package org.deckhand.api.audio;

import java.io.IOException;

/**
 * Thrown when no decoder on this machine can read a file: an unsupported format, or content that is not audio. Its
 * message names the file and says why, for the user.
 */
public class UnsupportedAudioException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the file and why it cannot be decoded
     */
    public UnsupportedAudioException(String message) {
        super(message);
    }

    /**
     * @param message the file and why it cannot be decoded
     * @param cause the decoder's own error
     */
    public UnsupportedAudioException(String message, Throwable cause) {
        super(message, cause);
    }
}
