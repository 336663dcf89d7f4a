package org.deckhand.library.internal;

import java.util.Optional;
import org.deckhand.api.music.CamelotKey;
import org.deckhand.api.search.IndexedTrack;

/**
 * Rates how well one track mixes into another: 50 % harmony on the Camelot wheel (same key 1.0, a fifth either way
 * 0.8, relative key 0.7), 35 % closeness of tempo within the BPM window, 15 % closeness of energy. The weights
 * follow the order of harmonic-mixing practice: keys that clash cannot be saved by tempo, tempo can be matched by
 * pitch-locked time-stretching within a few per cent.
 *
 * @param bpmWindowPercent the largest tempo difference in per cent of the first track's BPM
 */
public record MixCompatibility(double bpmWindowPercent) {

    private static final double KEY_WEIGHT = 0.5;
    private static final double BPM_WEIGHT = 0.35;
    private static final double ENERGY_WEIGHT = 0.15;
    private static final double ENERGY_SPAN = 9;

    /**
     * @param from the track playing
     * @param to a candidate to mix into
     * @return the rating, 0 to 1, with the relation of the keys and the tempo difference
     */
    Rating rate(IndexedTrack from, IndexedTrack to) {
        Optional<CamelotKey.Relation> relation = key(from).flatMap(a -> key(to).map(a::relationTo));
        double keyScore = relation.map(MixCompatibility::keyScore).orElse(0.0);
        double bpmDifferencePercent = from.bpm() == null || to.bpm() == null ? Double.NaN
                : 100 * (to.bpm() - from.bpm()) / from.bpm();
        double bpmScore = Double.isNaN(bpmDifferencePercent) ? 0
                : Math.max(0, 1 - Math.abs(bpmDifferencePercent) / bpmWindowPercent);
        double energyScore = from.energy() == null || to.energy() == null ? 0.5
                : 1 - Math.abs(from.energy() - to.energy()) / ENERGY_SPAN;
        double score = KEY_WEIGHT * keyScore + BPM_WEIGHT * bpmScore + ENERGY_WEIGHT * energyScore;
        return new Rating(score, relation.orElse(null), Double.isNaN(bpmDifferencePercent) ? null
                : bpmDifferencePercent);
    }

    private static Optional<CamelotKey> key(IndexedTrack track) {
        return track.camelotKey() == null ? Optional.empty() : CamelotKey.parse(track.camelotKey());
    }

    private static double keyScore(CamelotKey.Relation relation) {
        return switch (relation) {
            case SAME -> 1.0;
            case ADJACENT -> 0.8;
            case RELATIVE -> 0.7;
            case ENERGY_BOOST -> 0.4;
            case CLASH -> 0.0;
        };
    }

    /**
     * @param score the rating, 0 to 1
     * @param keyRelation how the keys relate, or null when either key is unknown
     * @param bpmDifferencePercent the candidate's tempo difference in per cent, or null when either BPM is unknown
     */
    public record Rating(double score, CamelotKey.Relation keyRelation, Double bpmDifferencePercent) {
    }
}
