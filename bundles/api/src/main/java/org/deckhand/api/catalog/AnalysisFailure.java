package org.deckhand.api.catalog;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A failed analyser run, with the track's file for the user.
 *
 * @param trackId the track
 * @param path the track's file
 * @param run the failed run, whose {@link AnalyserRun#failure()} says why
 */
public record AnalysisFailure(long trackId, Path path, AnalyserRun run) {

    /**
     * @throws NullPointerException if {@code path} or {@code run} is null
     */
    public AnalysisFailure {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(run, "run");
    }
}
