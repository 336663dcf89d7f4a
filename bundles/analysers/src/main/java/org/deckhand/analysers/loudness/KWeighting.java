package org.deckhand.analysers.loudness;

/**
 * The K-weighting of ITU-R BS.1770-4, Annex 1, section 2, for the two channels of a stereo signal or the one of a mono
 * signal: a high-shelf pre-filter (+4 dB above about 1.7 kHz, modelling the head) followed by the RLB high-pass (about
 * 38 Hz), each a biquad.
 *
 * <p>The Recommendation gives the coefficients for 48 kHz only. Here they are computed for any sample rate by the
 * bilinear transform of the analogue prototypes whose parameters reproduce the 48 kHz coefficients (shelf: centre
 * 1681.97 Hz, gain 4.0 dB, Q 0.7072; high-pass: 38.135 Hz, Q 0.5003), with the biquad forms of R. Bristow-Johnson's
 * "Audio EQ Cookbook"; the parameter fit is the one described by B. De Man, "Evaluation of implementations of the EBU
 * R128 loudness measurement", AES 145th Convention, 2018. At 48 kHz the result matches the Recommendation's Table 1
 * and Table 2 to six decimals.
 *
 * <p>Not thread-safe: the filter keeps its state from one block to the next.
 */
final class KWeighting {

    private static final double SHELF_HZ = 1681.974450955533;
    private static final double SHELF_GAIN_DB = 3.999843853973347;
    private static final double SHELF_Q = 0.7071752369554196;
    /** Exponent that sets the shelf's mid-band gain against its high-band gain, from the same fit. */
    private static final double SHELF_MID_EXPONENT = 0.4996667741545416;
    private static final double HIGH_PASS_HZ = 38.13547087602444;
    private static final double HIGH_PASS_Q = 0.5003270373238773;

    private final double shelfB0;
    private final double shelfB1;
    private final double shelfB2;
    private final double shelfA1;
    private final double shelfA2;
    private final double highPassA1;
    private final double highPassA2;

    private double leftShelf1;
    private double leftShelf2;
    private double leftHighPass1;
    private double leftHighPass2;
    private double rightShelf1;
    private double rightShelf2;
    private double rightHighPass1;
    private double rightHighPass2;

    /**
     * @param sampleRateHz the sample rate of the audio to weight (Hz)
     */
    KWeighting(int sampleRateHz) {
        double k = Math.tan(Math.PI * SHELF_HZ / sampleRateHz);
        double highGain = Math.pow(10, SHELF_GAIN_DB / 20);
        double midGain = Math.pow(highGain, SHELF_MID_EXPONENT);
        double a0 = 1 + k / SHELF_Q + k * k;
        shelfB0 = (highGain + midGain * k / SHELF_Q + k * k) / a0;
        shelfB1 = 2 * (k * k - highGain) / a0;
        shelfB2 = (highGain - midGain * k / SHELF_Q + k * k) / a0;
        shelfA1 = 2 * (k * k - 1) / a0;
        shelfA2 = (1 - k / SHELF_Q + k * k) / a0;
        double h = Math.tan(Math.PI * HIGH_PASS_HZ / sampleRateHz);
        double highPassA0 = 1 + h / HIGH_PASS_Q + h * h;
        highPassA1 = 2 * (h * h - 1) / highPassA0;
        highPassA2 = (1 - h / HIGH_PASS_Q + h * h) / highPassA0;
    }

    /**
     * @return the pre-filter's and the high-pass's coefficients {b0, b1, b2, a1, a2} each (a0 = 1), for checking
     *     against the Recommendation
     */
    double[][] coefficients() {
        return new double[][] {{shelfB0, shelfB1, shelfB2, shelfA1, shelfA2}, {1, -2, 1, highPassA1, highPassA2}};
    }

    /**
     * Weights a run of samples of a mono signal, with the filter state of the left channel, and returns the sum of the
     * squares of the weighted samples.
     *
     * @param samples the samples, full scale 1.0
     * @param from index of the first sample
     * @param to index after the last sample
     * @return the sum of the squared K-weighted samples over {@code [from, to)}
     */
    double sumOfSquares(float[] samples, int from, int to) {
        double s1 = leftShelf1;
        double s2 = leftShelf2;
        double h1 = leftHighPass1;
        double h2 = leftHighPass2;
        double sum = 0;
        for (int i = from; i < to; i++) {
            double x = samples[i];
            double shelved = shelfB0 * x + s1;
            s1 = shelfB1 * x - shelfA1 * shelved + s2;
            s2 = shelfB2 * x - shelfA2 * shelved;
            double weighted = shelved + h1;
            h1 = -2 * shelved - highPassA1 * weighted + h2;
            h2 = shelved - highPassA2 * weighted;
            sum += weighted * weighted;
        }
        leftShelf1 = s1;
        leftShelf2 = s2;
        leftHighPass1 = h1;
        leftHighPass2 = h2;
        return sum;
    }

    /**
     * Weights a run of samples of both channels and returns the sum of the squares of the weighted samples. The two
     * channels go through one loop, so that the processor overlaps their two chains of dependent operations.
     *
     * @param left the left channel's samples, full scale 1.0
     * @param right the right channel's samples, full scale 1.0
     * @param from index of the first sample
     * @param to index after the last sample
     * @return the sum over both channels of the squared K-weighted samples over {@code [from, to)}
     */
    double sumOfSquares(float[] left, float[] right, int from, int to) {
        double ls1 = leftShelf1;
        double ls2 = leftShelf2;
        double lh1 = leftHighPass1;
        double lh2 = leftHighPass2;
        double rs1 = rightShelf1;
        double rs2 = rightShelf2;
        double rh1 = rightHighPass1;
        double rh2 = rightHighPass2;
        double sum = 0;
        for (int i = from; i < to; i++) {
            double l = left[i];
            double lShelved = shelfB0 * l + ls1;
            ls1 = shelfB1 * l - shelfA1 * lShelved + ls2;
            ls2 = shelfB2 * l - shelfA2 * lShelved;
            double lWeighted = lShelved + lh1;
            lh1 = -2 * lShelved - highPassA1 * lWeighted + lh2;
            lh2 = lShelved - highPassA2 * lWeighted;
            double r = right[i];
            double rShelved = shelfB0 * r + rs1;
            rs1 = shelfB1 * r - shelfA1 * rShelved + rs2;
            rs2 = shelfB2 * r - shelfA2 * rShelved;
            double rWeighted = rShelved + rh1;
            rh1 = -2 * rShelved - highPassA1 * rWeighted + rh2;
            rh2 = rShelved - highPassA2 * rWeighted;
            sum += lWeighted * lWeighted + rWeighted * rWeighted;
        }
        leftShelf1 = ls1;
        leftShelf2 = ls2;
        leftHighPass1 = lh1;
        leftHighPass2 = lh2;
        rightShelf1 = rs1;
        rightShelf2 = rs2;
        rightHighPass1 = rh1;
        rightHighPass2 = rh2;
        return sum;
    }
}
