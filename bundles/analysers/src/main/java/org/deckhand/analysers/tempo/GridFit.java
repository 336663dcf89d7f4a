package org.deckhand.analysers.tempo;

/**
 * Fits a constant beat grid {@code t(k) = originFrames + k periodFrames} to tracked beats by least squares weighted by
 * each beat's onset strength, since the tempo of the music a DJ mixes is held constant (Ellis 2007 tracks beats against
 * one target tempo). The grid's phase is first the weighted circular mean of the beats' phases at the tempo's period;
 * then, twice, the beats within an eighth of a period of the grid are numbered and a line is fitted through them.
 *
 * @param originFrames the grid's beat 0, frames, fractional
 * @param periodFrames the grid's period, frames, fractional
 * @param onGridShare the share of the beats' onset strength that lies within an eighth of a period of the grid, 0..1
 * @param driftRatio how far apart the periods fitted to the first and second halves of the beats are, as a share of
 *     the period
 */
record GridFit(double originFrames, double periodFrames, double onGridShare, double driftRatio) {

    private static final double TOLERANCE_PERIODS = 0.125;

    /**
     * @param beats tracked beats, frames, increasing, at least two
     * @param weights each beat's onset strength, not negative
     * @param periodFrames the tempo's period, frames, to number the beats
     * @return the fitted grid
     */
    static GridFit fit(double[] beats, double[] weights, double periodFrames) {
        double[] line = {circularMean(beats, weights, periodFrames), periodFrames};
        line = line(beats, weights, 0, beats.length, line);
        line = line(beats, weights, 0, beats.length, line);
        double onGrid = 0;
        double total = 0;
        for (int i = 0; i < beats.length; i++) {
            total += weights[i];
            if (Math.abs(residual(beats[i], line)) <= TOLERANCE_PERIODS * line[1]) {
                onGrid += weights[i];
            }
        }
        int half = beats.length / 2;
        double drift = 0;
        if (half >= 8) {
            double[] first = line(beats, weights, 0, half, line);
            double[] second = line(beats, weights, half, beats.length, line);
            drift = Math.abs(first[1] - second[1]) / line[1];
        }
        return new GridFit(line[0], line[1], total > 0 ? onGrid / total : 0, drift);
    }

    private static double residual(double beat, double[] line) {
        double k = Math.round((beat - line[0]) / line[1]);
        return beat - line[0] - k * line[1];
    }

    private static double circularMean(double[] beats, double[] weights, double periodFrames) {
        double x = 0;
        double y = 0;
        for (int i = 0; i < beats.length; i++) {
            double angle = 2 * Math.PI * beats[i] / periodFrames;
            x += weights[i] * Math.cos(angle);
            y += weights[i] * Math.sin(angle);
        }
        double angle = Math.atan2(y, x);
        return (angle < 0 ? angle + 2 * Math.PI : angle) / (2 * Math.PI) * periodFrames;
    }

    /**
     * @return {origin, period} of the weighted least-squares line through the beats {@code from .. to - 1} that lie
     *     within an eighth of a period of the {@code previous} grid, or that grid if too few do
     */
    private static double[] line(double[] beats, double[] weights, int from, int to, double[] previous) {
        double reference = previous[0];
        double period = previous[1];
        double sw = 0;
        double sk = 0;
        double st = 0;
        double skk = 0;
        double skt = 0;
        for (int i = from; i < to; i++) {
            double k = Math.round((beats[i] - reference) / period);
            double offset = beats[i] - reference - k * period;
            if (Math.abs(offset) > TOLERANCE_PERIODS * period) {
                continue;
            }
            double w = weights[i];
            sw += w;
            sk += w * k;
            st += w * beats[i];
            skk += w * k * k;
            skt += w * k * beats[i];
        }
        double determinant = sw * skk - sk * sk;
        if (sw <= 0 || determinant <= 1e-9 * sw * sw) {
            return new double[] {reference, period};
        }
        double slope = (sw * skt - sk * st) / determinant;
        double intercept = (st - slope * sk) / sw;
        return new double[] {intercept, slope};
    }
}
