package org.deckhand.api.library;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The pictures embedded in files' tags, whole or as thumbnails: scaled down to fit a square of a given size with the
 * JDK's Image I/O and bicubic interpolation, as JPEG, and cached in the data folder under the SHA-256 of the picture
 * and the size, so that the tracks of an album that share a cover share its thumbnails, and a file whose picture
 * changed gets new ones. The cache is bounded; the least recently used thumbnails make way. A service; thread-safe.
 *
 * @since 1.3
 */
@ProviderType
public interface ArtworkThumbnails {

    /** The largest size asked for, in pixels. */
    int MAX_SIZE = 2048;

    /**
     * @param file an audio file
     * @param size the largest width and height in pixels, 1 to {@value #MAX_SIZE}, or 0 for the picture as embedded;
     *     a picture already that small is returned as embedded
     * @return the picture, or empty when the file's tags hold none; a picture Image I/O cannot decode is returned as
     *     embedded
     * @throws IOException if the file cannot be read as audio, or the cache cannot be read or written
     * @throws IllegalArgumentException if {@code size} is out of range
     */
    Optional<Artwork> artwork(Path file, int size) throws IOException;
}
