package org.deckhand.analysis.internal;

/**
 * The polyphase filter bank that {@link PolyphaseResampler} uses between two sample rates: a low-pass windowed sinc
 * cut off at the lower of the two Nyquist frequencies, with a Kaiser window designed for {@value #STOPBAND_DB} dB of
 * stop-band attenuation over a transition band of &plusmn;{@value #TRANSITION_PERCENT} % around the cutoff (window
 * length and shape by Kaiser's formulas, Oppenheim &amp; Schafer, "Discrete-Time Signal Processing", 3rd ed.,
 * section 7.6), sampled at every phase an output instant can fall on between two input samples. Each phase is
 * normalised to a gain of exactly 1 at 0 Hz.
 *
 * <p>What it keeps and loses, going down to 11,025 Hz: flat to 4.4 kHz, the band from 4.4 to 5.5 kHz
 * attenuated progressively and holding the aliases of 5.5 to 6.6 kHz, everything above 6.6 kHz 70 dB down. The
 * analysers that resample keep to the bands below. {@link ResamplingFilters} computes each once per pair of rates.
 */
final class ResamplingFilter {

    /** Stop-band attenuation, dB. */
    static final int STOPBAND_DB = 70;
    /** Half the transition band, in percent of the lower Nyquist frequency. */
    static final int TRANSITION_PERCENT = 20;
    /** The most phases kept; rates whose ratio needs more round each output instant to the nearest of these. */
    private static final int MAX_PHASES = 1024;

    private final int interpolation;
    private final int decimation;
    private final int taps;
    private final float[][] phases;

    /**
     * Computes the filter between two rates.
     *
     * @param sourceRateHz the input's sample rate, Hz
     * @param targetRateHz the output's sample rate, Hz
     */
    ResamplingFilter(int sourceRateHz, int targetRateHz) {
        int gcd = gcd(sourceRateHz, targetRateHz);
        this.interpolation = targetRateHz / gcd;
        this.decimation = sourceRateHz / gcd;
        double ratio = Math.min(1.0, (double) targetRateHz / sourceRateHz);
        double transitionWidth = 2 * (TRANSITION_PERCENT / 100.0) * 0.5 * ratio;
        double length = (STOPBAND_DB - 8) / (2.285 * 2 * Math.PI * transitionWidth);
        this.taps = 4 * (int) Math.ceil(length / 4);
        double beta = 0.1102 * (STOPBAND_DB - 8.7);
        int count = Math.min(interpolation, MAX_PHASES);
        this.phases = new float[count][];
        for (int p = 0; p < count; p++) {
            double fraction = count == interpolation ? (double) p / interpolation : (p + 0.5) / count;
            phases[p] = phase(fraction, ratio, beta);
        }
    }

    /** @return L, the output samples per {@link #decimation()} input samples, the rates' ratio in lowest terms */
    int interpolation() {
        return interpolation;
    }

    /** @return M, the input samples per {@link #interpolation()} output samples */
    int decimation() {
        return decimation;
    }

    /** @return the input samples each output sample is computed from, a multiple of 4 */
    int taps() {
        return taps;
    }

    /**
     * @param position where the output instant falls between two input samples, in units of 1/L of an input sample,
     *     from 0 to L - 1
     * @return the coefficients for the {@link #taps()} input samples around it, earliest first
     */
    float[] phase(int position) {
        return phases.length == interpolation ? phases[position]
                : phases[(int) ((long) position * phases.length / interpolation)];
    }

    /** The taps for an output instant {@code fraction} of an input sample after the middle tap's sample. */
    private float[] phase(double fraction, double ratio, double beta) {
        int half = taps / 2;
        double[] values = new double[taps];
        double sum = 0;
        for (int j = 0; j < taps; j++) {
            double offset = fraction + half - 1 - j;
            double x = offset / half;
            double window = Math.abs(x) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - x * x)) / besselI0(beta);
            values[j] = ratio * sinc(ratio * offset) * window;
            sum += values[j];
        }
        float[] coefficients = new float[taps];
        for (int j = 0; j < taps; j++) {
            coefficients[j] = (float) (values[j] / sum);
        }
        return coefficients;
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** The modified Bessel function of the first kind, order 0, by its power series. */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; term > 1e-12 * sum; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
