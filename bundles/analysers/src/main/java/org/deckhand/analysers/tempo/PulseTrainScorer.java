package org.deckhand.analysers.tempo;

/**
 * Chooses among candidate beat periods by cross-correlating the onset signal with ideal pulse trains, as Percival and
 * Tzanetakis (2014) do in their step "evaluate pulse trains": for a period {@code T} and every phase {@code p}, the
 * signal is summed at {@code p + bT} (weight 1), {@code p + 2bT} (weight 0.5) and {@code p + 1.5bT} (weight 0.5) for
 * {@code b = 0..3}; each candidate's best sum and the variance of its sums over phases are normalised over the
 * candidates and added. Since the phase is a whole number of frames, {@code round(p + x) = p + round(x)}: the pulse
 * offsets are rounded once per candidate, not once per phase.
 */
final class PulseTrainScorer {

    private static final int PULSES = 4;

    private PulseTrainScorer() {
    }

    /**
     * @param oss the onset signal window
     * @param periodsFrames candidate periods, frames, fractional; each at most {@code oss.length / 7}
     * @param count how many candidates are valid
     * @return the index of the best candidate, or -1 if none fits
     */
    static int best(float[] oss, double[] periodsFrames, int count) {
        double[] maxima = new double[count];
        double[] variances = new double[count];
        double maxSum = 0;
        double varianceSum = 0;
        int[] beats = new int[PULSES];
        int[] doubles = new int[PULSES];
        int[] dotted = new int[PULSES];
        for (int c = 0; c < count; c++) {
            double period = periodsFrames[c];
            for (int b = 0; b < PULSES; b++) {
                beats[b] = (int) Math.round(b * period);
                doubles[b] = (int) Math.round(2 * b * period);
                dotted[b] = (int) Math.round(1.5 * b * period);
            }
            int phases = (int) Math.ceil(period);
            double sum = 0;
            double sumSquares = 0;
            double max = 0;
            for (int phase = 0; phase < phases; phase++) {
                double beatSum = 0;
                double offBeatSum = 0;
                for (int b = 0; b < PULSES; b++) {
                    beatSum += oss[phase + beats[b]];
                    offBeatSum += oss[phase + doubles[b]] + oss[phase + dotted[b]];
                }
                double score = beatSum + 0.5 * offBeatSum;
                sum += score;
                sumSquares += score * score;
                max = Math.max(max, score);
            }
            maxima[c] = max;
            double mean = sum / phases;
            variances[c] = Math.max(0, sumSquares / phases - mean * mean);
            maxSum += max;
            varianceSum += variances[c];
        }
        int best = -1;
        double bestScore = 0;
        for (int c = 0; c < count; c++) {
            double score = (maxSum > 0 ? maxima[c] / maxSum : 0) + (varianceSum > 0 ? variances[c] / varianceSum : 0);
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }
}
