package org.deckhand.analysers.waveform;

/**
 * Splits the mono mix of a stereo signal into three bands for DJ-style waveform colouring: low (below
 * {@value #LOW_MID_HZ} Hz: kick and bass), high (above {@value #MID_HIGH_HZ} Hz: hats, cymbals, air) and mid (the rest:
 * voice, keys, snare body), and sums each band's energy.
 *
 * <p>Two second-order Butterworth filters (Q = 1/sqrt 2) from R. Bristow-Johnson's "Audio EQ Cookbook", both fed the
 * mix, in transposed direct form II: the low-pass at {@value #LOW_MID_HZ} Hz gives the low band, the high-pass at
 * {@value #MID_HIGH_HZ} Hz the high band. The mid band is what remains of the mix's energy once the low and high bands'
 * energies are taken out: a power-complementary split, |low|^2 + |mid|^2 + |high|^2 = 1 at every frequency, so a tone
 * at 1 kHz reads 0 dB mid, one at a crossover -3 dB in each band beside it, and one at 100 Hz -16 dB mid. The two
 * filters run side by side in one loop, which lets the processor overlap their chains of dependent operations.
 *
 * <p>Not thread-safe: the filters keep their state from one block to the next.
 */
final class BandSplitter {

    /** Crossover between the low and mid bands (Hz). */
    static final double LOW_MID_HZ = 250;
    /** Crossover between the mid and high bands (Hz). */
    static final double MID_HIGH_HZ = 4000;
    private static final double Q = Math.sqrt(0.5);

    private final double lowB0;
    private final double lowB1;
    private final double lowA1;
    private final double lowA2;
    private final double highB0;
    private final double highA1;
    private final double highA2;
    private double low1;
    private double low2;
    private double high1;
    private double high2;

    /**
     * @param sampleRateHz the sample rate (Hz); a crossover above 0.45 times it is pulled down to that
     */
    BandSplitter(int sampleRateHz) {
        double lowW = 2 * Math.PI * Math.min(LOW_MID_HZ, 0.45 * sampleRateHz) / sampleRateHz;
        double lowAlpha = Math.sin(lowW) / (2 * Q);
        double lowA0 = 1 + lowAlpha;
        lowB0 = (1 - Math.cos(lowW)) / 2 / lowA0;
        lowB1 = (1 - Math.cos(lowW)) / lowA0;
        lowA1 = -2 * Math.cos(lowW) / lowA0;
        lowA2 = (1 - lowAlpha) / lowA0;
        double highW = 2 * Math.PI * Math.min(MID_HIGH_HZ, 0.45 * sampleRateHz) / sampleRateHz;
        double highAlpha = Math.sin(highW) / (2 * Q);
        double highA0 = 1 + highAlpha;
        highB0 = (1 + Math.cos(highW)) / 2 / highA0;
        highA1 = -2 * Math.cos(highW) / highA0;
        highA2 = (1 - highAlpha) / highA0;
    }

    /**
     * Filters a run of the mono mix {@code (left + right) / 2} and adds each band's sum of squares. The mid band's may
     * come out slightly negative over a short run, where the bands' cross terms have not yet averaged out.
     *
     * @param left the left channel, full scale 1.0
     * @param right the right channel, full scale 1.0
     * @param from index of the first sample
     * @param to index after the last sample
     * @param bandSquares receives the sums of squares: low at {@code [0]}, mid at {@code [1]}, high at {@code [2]}
     */
    void addSquares(float[] left, float[] right, int from, int to, double[] bandSquares) {
        double l1 = low1;
        double l2 = low2;
        double h1 = high1;
        double h2 = high2;
        double lowSum = 0;
        double totalSum = 0;
        double highSum = 0;
        for (int i = from; i < to; i++) {
            double x = 0.5 * ((double) left[i] + right[i]);
            double low = lowB0 * x + l1;
            l1 = lowB1 * x - lowA1 * low + l2;
            l2 = lowB0 * x - lowA2 * low;
            double high = highB0 * x + h1;
            h1 = -2 * highB0 * x - highA1 * high + h2;
            h2 = highB0 * x - highA2 * high;
            lowSum += low * low;
            totalSum += x * x;
            highSum += high * high;
        }
        low1 = l1;
        low2 = l2;
        high1 = h1;
        high2 = h2;
        bandSquares[0] += lowSum;
        bandSquares[1] += totalSum - lowSum - highSum;
        bandSquares[2] += highSum;
    }
}
