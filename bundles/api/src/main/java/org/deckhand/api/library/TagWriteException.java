package org.deckhand.api.library;

import java.nio.file.Path;

/** Thrown when tags cannot be written into a file. Its message names the file and says why, for the user. */
public class TagWriteException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * @param file the file concerned
     * @param reason why its tags cannot be written, such as {@code "Opus tags cannot be written"}
     * @param cause the underlying failure, or null
     */
    public TagWriteException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
    }

    /** @return the file concerned */
    public Path file() {
        return file;
    }
}
