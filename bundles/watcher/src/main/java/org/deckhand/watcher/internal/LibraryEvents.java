package org.deckhand.watcher.internal;

import java.nio.file.Path;

/**
 * Where the watcher tells what it did; in the server, EventAdmin topics under {@code org/deckhand/library}, and
 * {@code org/deckhand/health/folder} for music folders gone missing and back.
 */
interface LibraryEvents {

    void added(long trackId, Path path);

    void changed(long trackId, Path path);

    void moved(long trackId, Path from, Path to);

    void removed(long trackId, Path path);

    void scanStarted(String scanId);

    void scanProgress(String scanId, long done, long total);

    void scanCompleted(String scanId, long files, double seconds);

    /**
     * A music folder went missing: not there, unreadable, or empty while the catalog holds tracks in it.
     *
     * @param folder the music folder
     * @param reason what the scan found, for the user
     */
    void folderMissing(Path folder, String reason);

    /** @param folder a music folder that was missing and can be read again */
    void folderBack(Path folder);
}
