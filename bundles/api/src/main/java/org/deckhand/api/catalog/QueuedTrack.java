package org.deckhand.api.catalog;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A track waiting in the analysis queue.
 *
 * @param trackId the track
 * @param path its file
 * @param priority how soon it is analysed
 */
public record QueuedTrack(long trackId, Path path, AnalysisPriority priority) {

    /**
     * @throws NullPointerException if {@code path} or {@code priority} is null
     */
    public QueuedTrack {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(priority, "priority");
    }
}
