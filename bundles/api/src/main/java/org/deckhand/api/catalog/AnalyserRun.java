package org.deckhand.api.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of one analyser's latest run over one track.
 *
 * @param analyserId the analyser's id
 * @param analyserVersion the version that ran
 * @param failure why it failed, or {@code null} when it succeeded and its results are stored
 * @param finished when it finished
 */
public record AnalyserRun(String analyserId, String analyserVersion, String failure, Instant finished) {

    /**
     * @throws NullPointerException if {@code analyserId}, {@code analyserVersion} or {@code finished} is null
     */
    public AnalyserRun {
        Objects.requireNonNull(analyserId, "analyserId");
        Objects.requireNonNull(analyserVersion, "analyserVersion");
        Objects.requireNonNull(finished, "finished");
    }

    /**
     * @return whether the run succeeded
     */
    public boolean succeeded() {
        return failure == null;
    }
}
