package org.deckhand.writeback.internal;

import java.util.Optional;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.MusicFacts;
import org.deckhand.api.library.Tags;

/**
 * The tags to write into one track's file: the analysed BPM and key ({@link MusicFacts#analysedBpm()},
 * {@link MusicFacts#analysedKey()}) where the file lacks them, or, when existing tags may be overwritten, where they
 * disagree with the analysis.
 *
 * @param bpm the BPM to write, or {@link Double#NaN} to leave the tempo tag alone
 * @param key the key to write, in the configured notation, or null to leave the key tag alone
 */
record TagUpdate(double bpm, String key) {

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
        MusicFacts facts = MusicFacts.of(track.track(), track.metadata().replayGain());
        double bpm = Optional.ofNullable(facts.analysedBpm()).map(value -> Math.round(value * 10) / 10.0)
                .filter(value -> tags.bpm() == null
                        || overwriteExisting && Math.abs(tags.bpm() - value) >= SAME_BPM)
                .orElse(Double.NaN);
        String key = Optional.ofNullable(facts.analysedKey()).map(notation::write)
                .filter(value -> tags.key() == null || tags.key().isBlank()
                        || overwriteExisting && !tags.key().strip().equals(value))
                .orElse(null);
        return Double.isNaN(bpm) && key == null ? Optional.empty() : Optional.of(new TagUpdate(bpm, key));
    }
}
