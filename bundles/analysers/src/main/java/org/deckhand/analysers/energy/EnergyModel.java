package org.deckhand.analysers.energy;

/**
 * Turns {@link EnergyFeatures} into an energy score. Each feature is mapped linearly onto [0, 1] between two anchors
 * (clamped), and the score is their weighted mean:
 * <ul>
 * <li>level, weight {@value #LEVEL_WEIGHT}: {@value #QUIET_DBFS} dBFS to {@value #LOUD_DBFS} dBFS;</li>
 * <li>onset density, weight {@value #ONSET_WEIGHT}: {@value #SPARSE_ONSETS} to {@value #DENSE_ONSETS} onsets a
 *     second;</li>
 * <li>spectral centroid, weight {@value #CENTROID_WEIGHT}: {@value #DARK_HZ} Hz to {@value #BRIGHT_HZ} Hz;</li>
 * <li>spectral flux, weight {@value #FLUX_WEIGHT}: {@value #STEADY_FLUX} to {@value #BUSY_FLUX} a frame.</li>
 * </ul>
 * Loudness and onset density carry most weight, following the perceptual studies of musical energy and arousal
 * (loudness, event density and timbral brightness being its strongest correlates: e.g. Y.-H. Yang and H. H. Chen,
 * "Machine Recognition of Music Emotion: A Review", ACM TIST 3(3), 2012). The anchors were set so that the
 * development corpus spreads over the 1 to 10 scale: quiet ballads and pads low, loud dense dance tracks high. The
 * curve shows the score itself; the rating stretches the span of scores whole tracks reach onto 1 to 10.
 */
final class EnergyModel {

    private static final double LEVEL_WEIGHT = 0.3;
    private static final double ONSET_WEIGHT = 0.4;
    private static final double CENTROID_WEIGHT = 0.15;
    private static final double FLUX_WEIGHT = 0.15;
    private static final double QUIET_DBFS = -28;
    private static final double LOUD_DBFS = -10;
    private static final double SPARSE_ONSETS = 0.5;
    private static final double DENSE_ONSETS = 6.5;
    private static final double DARK_HZ = 300;
    private static final double BRIGHT_HZ = 1800;
    private static final double STEADY_FLUX = 60;
    private static final double BUSY_FLUX = 130;
    private static final double CALMEST_SCORE = 0.2;
    private static final double MOST_INTENSE_SCORE = 0.85;

    private EnergyModel() {
    }

    /**
     * @param features the features of a track or a span of it
     * @return the energy score in [0, 1]
     */
    static double score(EnergyFeatures features) {
        return LEVEL_WEIGHT * ramp(features.levelDbfs(), QUIET_DBFS, LOUD_DBFS)
                + ONSET_WEIGHT * ramp(features.onsetsPerSecond(), SPARSE_ONSETS, DENSE_ONSETS)
                + CENTROID_WEIGHT * ramp(features.centroidHz(), DARK_HZ, BRIGHT_HZ)
                + FLUX_WEIGHT * ramp(features.fluxPerFrame(), STEADY_FLUX, BUSY_FLUX);
    }

    /**
     * @param score an energy score in [0, 1]
     * @return the rating from 1 (calm) to 10 (intense): 1 up to a score of {@value #CALMEST_SCORE}, 10 from
     *     {@value #MOST_INTENSE_SCORE}, linear in between; few whole tracks score outside that span
     */
    static long rating(double score) {
        return 1 + Math.round(9 * ramp(score, CALMEST_SCORE, MOST_INTENSE_SCORE));
    }

    private static double ramp(double value, double zeroAt, double oneAt) {
        return Math.max(0, Math.min(1, (value - zeroAt) / (oneAt - zeroAt)));
    }
}
