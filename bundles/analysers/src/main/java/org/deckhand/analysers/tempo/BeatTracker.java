package org.deckhand.analysers.tempo;

/**
 * Finds the beats of a track by dynamic programming, after Ellis, "Beat tracking by dynamic programming", Journal of
 * New Music Research 36(1), 2007: each frame's best score is its onset strength plus the best score of a
 * previous beat 0.5 to 2 periods earlier, less {@code alpha (ln(gap / period))^2}; the beats are read back from the
 * best-scoring frame of the last period. The onset signal is first divided by its standard deviation.
 */
final class BeatTracker {

    /** The weight of the transition cost, Ellis's tightness. */
    static final double TIGHTNESS = 100;

    private BeatTracker() {
    }

    /**
     * @param oss the smoothed onset signal, one value per frame
     * @param periodFrames the target beat period, frames
     * @return the beat positions, frames, increasing, each refined between frames at the local onset peak
     */
    static double[] track(float[] oss, double periodFrames) {
        int n = oss.length;
        double deviation = BeatGridEstimator.standardDeviation(oss);
        int shortestGap = Math.max(1, (int) Math.round(periodFrames / 2));
        int longestGap = Math.max(shortestGap, (int) Math.round(2 * periodFrames));
        double[] cost = new double[longestGap + 1];
        for (int gap = shortestGap; gap <= longestGap; gap++) {
            double logRatio = Math.log(gap / periodFrames);
            cost[gap] = TIGHTNESS * logRatio * logRatio;
        }
        double[] score = new double[n];
        int[] previous = new int[n];
        for (int t = 0; t < n; t++) {
            double local = oss[t] / deviation;
            double best = 0;
            int from = -1;
            for (int gap = shortestGap, last = Math.min(longestGap, t); gap <= last; gap++) {
                double candidate = score[t - gap] - cost[gap];
                if (from < 0 || candidate > best) {
                    best = candidate;
                    from = t - gap;
                }
            }
            score[t] = local + (from < 0 ? 0 : best);
            previous[t] = from;
        }
        int end = n - 1;
        for (int t = Math.max(0, n - (int) Math.ceil(periodFrames)); t < n; t++) {
            if (score[t] > score[end]) {
                end = t;
            }
        }
        int count = 0;
        for (int t = end; t >= 0; t = previous[t]) {
            count++;
        }
        double[] beats = new double[count];
        int index = count;
        for (int t = end; t >= 0; t = previous[t]) {
            beats[--index] = peak(oss, t);
        }
        return beats;
    }

    private static double peak(float[] oss, int frame) {
        if (frame == 0 || frame == oss.length - 1) {
            return frame;
        }
        double left = oss[frame - 1];
        double right = oss[frame + 1];
        double curvature = left - 2 * oss[frame] + right;
        if (curvature >= 0 || oss[frame] < left || oss[frame] < right) {
            return frame;
        }
        return frame + 0.5 * (left - right) / curvature;
    }
}
