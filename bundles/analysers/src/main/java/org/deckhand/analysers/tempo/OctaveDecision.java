package org.deckhand.analysers.tempo;

/**
 * Chooses the metrical level to report among the octaves of the most voted tempo (half, same, double, quadruple)
 * that lie inside the configured range. Percival and Tzanetakis (2014) train a classifier for this
 * step; here each level is scored by a log-linear rule with three inputs:
 * <ul>
 * <li>the {@link BeatComb} contrast of a beat grid at that level, which falls when the grid also samples weak
 * off-beats (so a level faster than the beat loses);</li>
 * <li>the windows' summed generalised autocorrelation at that period ({@link TempoEvidence#salience});</li>
 * <li>a log-normal prior on tempo centred on {@value #PRIOR_CENTRE_BPM} BPM with a standard deviation of
 * {@value #PRIOR_OCTAVES} octave, which keeps the slower levels (bars, half bars) from winning; the centre suits
 * dance music and the labelled development set alike.</li>
 * </ul>
 */
final class OctaveDecision {

    static final double PRIOR_CENTRE_BPM = 140;
    static final double PRIOR_OCTAVES = 0.5;
    private static final double COMB_WEIGHT = 8;
    private static final double SALIENCE_WEIGHT = 0.25;
    private static final double[] LEVELS = {0.5, 1, 2, 4};
    private static final double FLOOR = 1e-4;

    private final double minBpm;
    private final double maxBpm;

    /**
     * @param minBpm the slowest tempo reported, BPM
     * @param maxBpm the fastest tempo reported, BPM, at least twice {@code minBpm}
     */
    OctaveDecision(double minBpm, double maxBpm) {
        this.minBpm = minBpm;
        this.maxBpm = maxBpm;
    }

    /**
     * @param votedBpm the most voted tempo, BPM
     * @param oss the smoothed onset signal
     * @param frameRateHz its frame rate, Hz
     * @param evidence what the windows say
     * @return the chosen tempo and its octave alternative
     */
    Choice choose(double votedBpm, float[] oss, double frameRateHz, TempoEvidence evidence) {
        double best = Double.NaN;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (double level : LEVELS) {
            double bpm = votedBpm * level;
            if (bpm >= minBpm && bpm <= maxBpm) {
                double score = score(bpm, oss, frameRateHz, evidence);
                if (score > bestScore) {
                    bestScore = score;
                    best = bpm;
                }
            }
        }
        if (Double.isNaN(best)) {
            best = votedBpm;
            while (best > maxBpm) {
                best /= 2;
            }
            while (best < minBpm) {
                best *= 2;
            }
        }
        double half = score(best / 2, oss, frameRateHz, evidence);
        double twice = score(best * 2, oss, frameRateHz, evidence);
        return new Choice(best, half > twice ? 0.5 : 2);
    }

    private static double score(double bpm, float[] oss, double frameRateHz, TempoEvidence evidence) {
        double comb = BeatComb.contrast(oss, 60 * frameRateHz / bpm);
        double octavesFromCentre = Math.log(bpm / PRIOR_CENTRE_BPM) / Math.log(2) / PRIOR_OCTAVES;
        return COMB_WEIGHT * Math.log(Math.max(FLOOR, comb))
                + SALIENCE_WEIGHT * Math.log(Math.max(FLOOR, evidence.salience(bpm)))
                - 0.5 * octavesFromCentre * octavesFromCentre;
    }

    /**
     * @param bpm the tempo to report, BPM, before refinement
     * @param alternativeRatio the octave alternative as a multiple of it, 0.5 or 2
     */
    record Choice(double bpm, double alternativeRatio) {
    }
}
