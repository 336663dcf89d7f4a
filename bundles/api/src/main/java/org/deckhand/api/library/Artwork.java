package org.deckhand.api.library;

import java.util.Objects;

/**
 * A picture embedded in a file's tags, the front cover when there is one.
 *
 * @param mimeType its media type, such as {@code image/jpeg} or {@code image/png}
 * @param data the image's bytes
 */
public record Artwork(String mimeType, byte[] data) {

    /**
     * @throws NullPointerException if either argument is null
     */
    public Artwork {
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(data, "data");
    }
}
