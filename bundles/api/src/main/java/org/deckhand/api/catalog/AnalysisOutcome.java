package org.deckhand.api.catalog;

import java.util.List;
import java.util.Objects;
import org.deckhand.api.analysis.AnalysisResult;

/**
 * What one run of the analysers over a track found, stored at once by {@link AnalysisLedger#record}.
 *
 * @param results the results of the analysers that succeeded, one per analyser
 * @param failures the analysers that failed, each with its reason
 * @param sha256 the SHA-256 of the whole file in lower-case hex, 64 characters, when the run read the file to its
 *     end; null when it did not
 * @since 1.6
 */
public record AnalysisOutcome(List<AnalysisResult> results, List<Failure> failures, String sha256) {

    /**
     * @throws NullPointerException if {@code results} or {@code failures} is null or holds null
     */
    public AnalysisOutcome {
        results = List.copyOf(results);
        failures = List.copyOf(failures);
    }

    /**
     * One analyser's failure on the track.
     *
     * @param analyserId the analyser's id
     * @param analyserVersion the version that ran
     * @param reason why it failed, in words for the user
     */
    public record Failure(String analyserId, String analyserVersion, String reason) {

        /**
         * @throws NullPointerException if any argument is null
         */
        public Failure {
            Objects.requireNonNull(analyserId, "analyserId");
            Objects.requireNonNull(analyserVersion, "analyserVersion");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
