package org.deckhand.api.library;

import java.util.List;
import java.util.Objects;
import org.deckhand.api.analysis.AnalysisResult;

/**
 * One piece of music in the library. Its id is stable: it survives moves and renames of its file.
 *
 * @param id the track's catalog id, positive
 * @param file the file that holds it
 * @param tags its tags
 * @param durationSeconds its playing time in seconds, or {@code NaN} when not yet known
 * @param analyses the results of every analyser that has run over it, in no particular order
 */
public record Track(long id, AudioFile file, Tags tags, double durationSeconds, List<AnalysisResult> analyses) {

    /**
     * @throws NullPointerException if {@code file} or {@code tags} is null
     */
    public Track {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(tags, "tags");
        analyses = analyses == null ? List.of() : List.copyOf(analyses);
    }
}
