package org.deckhand.watcher.internal;

import java.nio.file.Path;

/** Where the watcher tells what it did; in the server, EventAdmin topics under {@code org/deckhand/library}. */
interface LibraryEvents {

    void added(long trackId, Path path);

    void changed(long trackId, Path path);

    void moved(long trackId, Path from, Path to);

    void removed(long trackId, Path path);

    void scanStarted(String scanId);

    void scanProgress(String scanId, long done, long total);

    void scanCompleted(String scanId, long files, double seconds);
}
