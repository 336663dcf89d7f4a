package org.deckhand.analysers.tempo;

/**
 * Refines a beat period to a fraction of a frame from the whole track's autocorrelation: the period {@code T} within
 * 2 % of the estimate that maximises {@code sum R(m T)} for {@code m = 1..16}, with {@code R} the autocorrelation of
 * the smoothed onset signal, interpolated between integer lags. Sixteen beats make a one-frame error sixteen times
 * smaller, which gives the tempo to better than 0.1 BPM; this is the comb-filter idea of Percival and Tzanetakis's
 * pulse trains (2014) applied to the whole track.
 */
final class PeriodRefiner {

    private static final int MULTIPLES = 16;
    private static final double SEARCH_RATIO = 0.02;
    private static final int STEPS = 400;

    private PeriodRefiner() {
    }

    /**
     * @param oss the onset signal, mean removed
     * @param periodFrames the period to refine, frames, within 2 % of the truth
     * @return the refined period, frames
     */
    static double refine(float[] oss, double periodFrames) {
        double lowest = periodFrames * (1 - SEARCH_RATIO);
        double highest = periodFrames * (1 + SEARCH_RATIO);
        int multiples = Math.max(1, Math.min(MULTIPLES, (int) ((oss.length / 2) / highest)));
        int firstLag = (int) Math.floor(lowest) - 1;
        int lastLag = (int) Math.ceil(multiples * highest) + 1;
        double[] correlation = new double[lastLag - firstLag + 1];
        boolean[] computed = new boolean[correlation.length];
        for (int m = 1; m <= multiples; m++) {
            for (int lag = (int) Math.floor(m * lowest); lag <= (int) Math.ceil(m * highest) + 1; lag++) {
                if (!computed[lag - firstLag]) {
                    correlation[lag - firstLag] = autocorrelation(oss, lag);
                    computed[lag - firstLag] = true;
                }
            }
        }
        double[] scores = new double[STEPS + 1];
        int best = 0;
        for (int step = 0; step <= STEPS; step++) {
            double period = lowest + (highest - lowest) * step / STEPS;
            double score = 0;
            for (int m = 1; m <= multiples; m++) {
                double lag = m * period;
                int below = (int) Math.floor(lag);
                double fraction = lag - below;
                score += (1 - fraction) * correlation[below - firstLag] + fraction * correlation[below + 1 - firstLag];
            }
            scores[step] = score;
            if (score > scores[best]) {
                best = step;
            }
        }
        double offset = 0;
        if (best > 0 && best < STEPS) {
            double curvature = scores[best - 1] - 2 * scores[best] + scores[best + 1];
            offset = curvature < 0 ? 0.5 * (scores[best - 1] - scores[best + 1]) / curvature : 0;
        }
        return lowest + (highest - lowest) * (best + offset) / STEPS;
    }

    /** The correlation at one lag, summed in four interleaved sums so that the additions do not wait on each other. */
    private static double autocorrelation(float[] signal, int lag) {
        int last = signal.length - lag;
        double sum0 = 0;
        double sum1 = 0;
        double sum2 = 0;
        double sum3 = 0;
        int n = 0;
        for (; n + 3 < last; n += 4) {
            sum0 += signal[n] * signal[n + lag];
            sum1 += signal[n + 1] * signal[n + 1 + lag];
            sum2 += signal[n + 2] * signal[n + 2 + lag];
            sum3 += signal[n + 3] * signal[n + 3 + lag];
        }
        for (; n < last; n++) {
            sum0 += signal[n] * signal[n + lag];
        }
        return (sum0 + sum1 + sum2 + sum3) / last;
    }
}
