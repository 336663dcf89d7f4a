package org.deckhand.api.catalog;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A file in a music folder that the library could not take in.
 *
 * @param path the file
 * @param reason why, for the user, such as {@code "empty file (0 bytes)"}
 * @param seen when the problem was last seen
 */
public record Problem(Path path, String reason, Instant seen) {
}
