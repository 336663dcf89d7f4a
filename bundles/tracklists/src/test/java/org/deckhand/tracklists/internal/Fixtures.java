package org.deckhand.tracklists.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The saved tracklist pages in {@code shared/fixtures/tracklists}, which sits beside the repository (found from the
 * module's folder upwards). The system property {@code deckhand.fixtures} names another {@code fixtures} folder.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * @return the {@code tracklists} fixtures folder
     * @throws IllegalStateException if it cannot be found: the tests need it
     */
    public static Path tracklists() {
        String named = System.getProperty("deckhand.fixtures");
        if (named != null) {
            return Path.of(named, "tracklists");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures/tracklists");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/fixtures/tracklists is not beside the repository, nor above "
                + Path.of("").toAbsolutePath() + "; set -Ddeckhand.fixtures=DIR");
    }

    /**
     * @param relative a file's path inside the tracklists fixtures, such as {@code 1001tracklists/x.html}
     * @return its text, UTF-8
     */
    public static String text(String relative) {
        try {
            return Files.readString(tracklists().resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
