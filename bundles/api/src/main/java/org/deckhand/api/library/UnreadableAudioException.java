package org.deckhand.api.library;

import java.nio.file.Path;

/**
 * Thrown when a file cannot be read as audio at all: not an audio file, an unsupported format, truncated beyond use,
 * or unreadable from disk. Its message names the file and says why, for the user.
 */
public class UnreadableAudioException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * @param file the file concerned
     * @param reason why it cannot be read, such as {@code "not an audio file (it holds text)"}
     */
    public UnreadableAudioException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    /**
     * @param file the file concerned
     * @param reason why it cannot be read
     * @param cause the underlying failure
     */
    public UnreadableAudioException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
    }

    /**
     * @return the file concerned
     */
    public Path file() {
        return file;
    }
}
