package org.deckhand.analysers.tempo;

/**
 * How strongly a track's onsets fall on a constant beat grid: the onset signal sampled every {@code period} frames from
 * the best phase, averaged, over the signal's mean. A grid on the true beats scores high; a grid twice as fast also
 * samples the weaker off-beats and scores lower; this contrast drives the {@link OctaveDecision}. It is the whole-track
 * form of the pulse-train cross-correlation of Percival and Tzanetakis (2014), step "evaluate pulse trains".
 */
final class BeatComb {

    private BeatComb() {
    }

    /**
     * @param oss the smoothed onset signal, not negative
     * @param periodFrames the grid's period, frames, fractional
     * @return the best phase's mean over the signal's mean, 1 for no contrast; 0 for a silent signal
     */
    static double contrast(float[] oss, double periodFrames) {
        double mean = 0;
        for (float value : oss) {
            mean += value;
        }
        mean /= oss.length;
        if (mean <= 0) {
            return 0;
        }
        int phases = (int) Math.ceil(periodFrames);
        double best = 0;
        for (int phase = 0; phase < phases; phase++) {
            double sum = 0;
            int count = 0;
            for (double t = phase; t < oss.length - 0.5; t += periodFrames) {
                sum += oss[(int) Math.round(t)];
                count++;
            }
            if (count > 0) {
                best = Math.max(best, sum / count);
            }
        }
        return best / mean;
    }
}
