package org.deckhand.analysers.key;

/**
 * Estimates the reference frequency (the pitch of A4) from how far spectral peaks lie from the equal-tempered grid
 * of A4 = 440 Hz. Gómez 2006 (chapter 3, reference frequency computation) takes the maximum of a histogram of these
 * deviations; here each deviation, in semitones, is a point on a circle one semitone round, and the estimate is the
 * weighted circular mean (K. Dressler, S. Streich, "Tuning frequency estimation using circular statistics",
 * ISMIR 2007), which needs no histogram resolution and wraps cleanly at half a semitone.
 */
final class TuningEstimator {

    /** The standard reference frequency, A4 (Hz). */
    static final double STANDARD_A4_HZ = 440.0;

    /** Semitones in an octave. */
    static final double SEMITONES_PER_OCTAVE = 12.0;

    private double cosineSum;
    private double sineSum;

    /**
     * @param semitonesFromA4 a peak's pitch in semitones from A4 = 440 Hz, fractional
     * @param weight how much it counts, such as its energy
     */
    void add(double semitonesFromA4, double weight) {
        double angle = 2 * Math.PI * semitonesFromA4;
        cosineSum += weight * Math.cos(angle);
        sineSum += weight * Math.sin(angle);
    }

    /** @return the estimated offset of the tuning from A4 = 440 Hz, in semitones, from -0.5 to 0.5 */
    double offsetSemitones() {
        if (cosineSum == 0 && sineSum == 0) {
            return 0;
        }
        return Math.atan2(sineSum, cosineSum) / (2 * Math.PI);
    }

    /** @return the estimated pitch of A4 (Hz) */
    double a4Hz() {
        return STANDARD_A4_HZ * Math.pow(2, offsetSemitones() / SEMITONES_PER_OCTAVE);
    }
}
