package org.deckhand.analysers.tempo;

/**
 * The tempo range in which a tempo is reported: an octave at least, so that every tempo has an octave inside it.
 *
 * @param minBpm the slowest tempo reported, BPM
 * @param maxBpm the fastest tempo reported, BPM, at least twice {@code minBpm}
 */
public record TempoRange(double minBpm, double maxBpm) {

    /** The default slowest tempo, BPM: slow ballads stay at their notated tempo. */
    public static final double DEFAULT_MIN_BPM = 60;
    /** The default fastest tempo, BPM: drum and bass (170-178) keeps its full tempo; faster music is halved. */
    public static final double DEFAULT_MAX_BPM = 180;
    /** The default range. */
    public static final TempoRange DEFAULT = new TempoRange(DEFAULT_MIN_BPM, DEFAULT_MAX_BPM);

    /**
     * @throws IllegalArgumentException if {@code minBpm} is not positive
     */
    public TempoRange {
        if (!(minBpm > 0)) {
            throw new IllegalArgumentException("the slowest tempo must be positive: " + minBpm);
        }
        maxBpm = Math.max(maxBpm, 2 * minBpm);
    }

    /**
     * @param configuration the analysers' settings
     * @return the range they set
     */
    static TempoRange of(TempoConfiguration configuration) {
        return new TempoRange(configuration.minBpm(), configuration.maxBpm());
    }
}
