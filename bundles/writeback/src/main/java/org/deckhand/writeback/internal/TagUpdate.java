package org.deckhand.writeback.internal;

import java.util.Map;
import java.util.Optional;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.Tags;
import org.deckhand.api.music.CamelotKey;

/**
 * The tags to write into one track's file: the analysed BPM and key where the file lacks them, or, when existing tags
 * may be overwritten, where they disagree with the analysis.
 *
 * @param bpm the BPM to write, or {@link Double#NaN} to leave the tempo tag alone
 * @param key the key to write, in the configured notation, or null to leave the key tag alone
 */
record TagUpdate(double bpm, String key) {

    /** The tempo analyser's id and its BPM field (org.deckhand.analysers.tempo). */
    private static final String TEMPO = "tempo";
    private static final String BPM = "bpm";
    /** The key analyser's id and its Camelot field (org.deckhand.analysers.key). */
    private static final String KEY = "key";
    private static final String CAMELOT = "camelot";
    /** A tempo tag this close to the analysed BPM agrees with it: ID3v2 and MP4 hold whole numbers. */
    private static final double SAME_BPM = 0.5;

    /**
     * @param track a track, with its tags and analysis results
     * @param notation how keys are written
     * @param overwriteExisting whether tags the file has may be replaced
     * @return what to write, or empty when the file's tags need nothing
     */
    static Optional<TagUpdate> of(CatalogTrack track, KeyNotation notation, boolean overwriteExisting) {
        Tags tags = track.metadata().tags();
        double bpm = analysed(track, TEMPO, BPM).filter(Number.class::isInstance).map(Number.class::cast)
                .map(value -> Math.round(value.doubleValue() * 10) / 10.0)
                .filter(value -> tags.bpm() == null
                        || overwriteExisting && Math.abs(tags.bpm() - value) >= SAME_BPM)
                .orElse(Double.NaN);
        String key = analysed(track, KEY, CAMELOT).map(String::valueOf).flatMap(CamelotKey::parse)
                .map(notation::write)
                .filter(value -> tags.key() == null || tags.key().isBlank()
                        || overwriteExisting && !tags.key().strip().equals(value))
                .orElse(null);
        return Double.isNaN(bpm) && key == null ? Optional.empty() : Optional.of(new TagUpdate(bpm, key));
    }

    private static Optional<Object> analysed(CatalogTrack track, String analyserId, String field) {
        return track.track().analyses().stream()
                .filter(result -> result.analyserId().equals(analyserId))
                .map(AnalysisResult::values)
                .map((Map<String, Object> values) -> values.get(field))
                .filter(value -> value != null)
                .findFirst();
    }
}
