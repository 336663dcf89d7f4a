package org.deckhand.api.library;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The watcher of the music folders, as a service: which folders it follows, and scans on demand. */
@ProviderType
public interface LibraryScanner {

    /**
     * @return the music folders, absolute, in the order they were configured
     */
    List<Path> musicFolders();

    /**
     * Asks for a full scan of the music folders soon; a scan already under way finishes first. Progress is posted
     * under {@code org/deckhand/library/scan}.
     */
    void requestScan();

    /**
     * Tells the watcher that Deckhand itself is about to replace a file (tag write-back), so that when it next sees
     * the file with exactly these facts it takes the change in as Deckhand's own: it records the new size, time, tags
     * and SHA-256 and keeps the track's analysis, and announces no change, so nothing is analysed again. Any other
     * change to the file is taken in as usual. Call it before the move that replaces the file. The expectation is
     * kept on disk, so that it holds across a crash between the move and the next scan.
     *
     * @param file the file, absolute, as the catalog holds it
     * @param sizeBytes its size once replaced, in bytes
     * @param modified its modification time once replaced
     * @param sha256 the SHA-256 of its new content, in lower-case hex
     * @throws java.io.UncheckedIOException if the expectation cannot be kept on disk; the file must not be replaced
     */
    void expectOwnChange(Path file, long sizeBytes, Instant modified, String sha256);
}
