package org.deckhand.watcher.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files Deckhand itself is replacing (tag write-back), each with the size and time it will have once replaced
 * and its new SHA-256, so that a scan takes those changes in as Deckhand's own. Thread-safe.
 */
final class OwnChanges {

    private final Map<Path, Expected> expected = new ConcurrentHashMap<>();

    /**
     * @param file the file about to be replaced
     * @param stamp its size and time once replaced
     * @param sha256 its new SHA-256
     */
    void expect(Path file, FileStamp stamp, String sha256) {
        expected.put(file, new Expected(stamp, sha256));
    }

    /**
     * Takes the expectation of a file that a scan found changed.
     *
     * @param file the file
     * @param stamp its size and time as the scan found them
     * @return the new SHA-256 if the file is as Deckhand left it; empty if someone else changed it, and then the
     *     expectation is dropped
     */
    Optional<String> take(Path file, FileStamp stamp) {
        Expected own = expected.remove(file);
        return own != null && own.stamp().equals(stamp) ? Optional.of(own.sha256()) : Optional.empty();
    }

    private record Expected(FileStamp stamp, String sha256) {
    }
}
