package org.deckhand.mixer.internal.render;

/**
 * Splits a deck's stereo audio into a low band and a high band with a fourth-order Linkwitz-Riley crossover (S.
 * Linkwitz, "Active crossover networks for non-coincident drivers", JAES 24(1), 1976): on each side two
 * second-order Butterworth sections in series, with the low-pass and high-pass coefficients of R. Bristow-Johnson's
 * "Cookbook formulae for audio EQ biquad filter coefficients". The two bands sum back to the input's spectrum with a
 * flat magnitude, only its phase turned, so a deck heard through both bands at full gain sounds as it is. Used for
 * the bass swap.
 *
 * <p>The eight sections (two per band and channel) run in one loop in transposed direct form II, so that the
 * processor overlaps their independent chains of operations. Keeps its state from one block to the next.
 */
final class Crossover {

    /** Where the low band ends, Hz: above kick drums and basslines, below most of the rest. */
    static final double FREQUENCY_HZ = 200;

    private final double lowB0;
    private final double lowB1;
    private final double highB0;
    private final double highB1;
    private final double a1;
    private final double a2;
    /** Two state variables for each section: low-pass left 1 and 2, low-pass right 1 and 2, then high-pass. */
    private final double[] state = new double[16];

    /**
     * @param sampleRateHz the sample rate, Hz
     */
    Crossover(int sampleRateHz) {
        double omega = 2 * Math.PI * FREQUENCY_HZ / sampleRateHz;
        double alpha = Math.sin(omega) / (2 * Math.sqrt(0.5));
        double cos = Math.cos(omega);
        double a0 = 1 + alpha;
        lowB0 = (1 - cos) / 2 / a0;
        lowB1 = (1 - cos) / a0;
        highB0 = (1 + cos) / 2 / a0;
        highB1 = -(1 + cos) / a0;
        a1 = -2 * cos / a0;
        a2 = (1 - alpha) / a0;
    }

    /**
     * Splits a block. The low-pass sections have {@code b2 = b0}, as do the high-pass ones, and both share the same
     * poles ({@code a1}, {@code a2}).
     *
     * @param in left and right
     * @param offset where in {@code in} the first frame is
     * @param low where the low band goes, from index 0
     * @param high where the high band goes, from index 0; may be {@code in} when {@code offset} is 0
     * @param frames how many frames
     */
    void split(float[][] in, int offset, float[][] low, float[][] high, int frames) {
        double[] s = state;
        double ll1a = s[0];
        double ll1b = s[1];
        double ll2a = s[2];
        double ll2b = s[3];
        double lr1a = s[4];
        double lr1b = s[5];
        double lr2a = s[6];
        double lr2b = s[7];
        double hl1a = s[8];
        double hl1b = s[9];
        double hl2a = s[10];
        double hl2b = s[11];
        double hr1a = s[12];
        double hr1b = s[13];
        double hr2a = s[14];
        double hr2b = s[15];
        float[] inLeft = in[0];
        float[] inRight = in[1];
        for (int i = 0; i < frames; i++) {
            double left = inLeft[offset + i];
            double right = inRight[offset + i];

            double y = lowB0 * left + ll1a;
            ll1a = lowB1 * left - a1 * y + ll1b;
            ll1b = lowB0 * left - a2 * y;
            double lowLeft = lowB0 * y + ll2a;
            ll2a = lowB1 * y - a1 * lowLeft + ll2b;
            ll2b = lowB0 * y - a2 * lowLeft;

            y = lowB0 * right + lr1a;
            lr1a = lowB1 * right - a1 * y + lr1b;
            lr1b = lowB0 * right - a2 * y;
            double lowRight = lowB0 * y + lr2a;
            lr2a = lowB1 * y - a1 * lowRight + lr2b;
            lr2b = lowB0 * y - a2 * lowRight;

            y = highB0 * left + hl1a;
            hl1a = highB1 * left - a1 * y + hl1b;
            hl1b = highB0 * left - a2 * y;
            double highLeft = highB0 * y + hl2a;
            hl2a = highB1 * y - a1 * highLeft + hl2b;
            hl2b = highB0 * y - a2 * highLeft;

            y = highB0 * right + hr1a;
            hr1a = highB1 * right - a1 * y + hr1b;
            hr1b = highB0 * right - a2 * y;
            double highRight = highB0 * y + hr2a;
            hr2a = highB1 * y - a1 * highRight + hr2b;
            hr2b = highB0 * y - a2 * highRight;

            low[0][i] = (float) lowLeft;
            low[1][i] = (float) lowRight;
            high[0][i] = (float) highLeft;
            high[1][i] = (float) highRight;
        }
        s[0] = ll1a;
        s[1] = ll1b;
        s[2] = ll2a;
        s[3] = ll2b;
        s[4] = lr1a;
        s[5] = lr1b;
        s[6] = lr2a;
        s[7] = lr2b;
        s[8] = hl1a;
        s[9] = hl1b;
        s[10] = hl2a;
        s[11] = hl2b;
        s[12] = hr1a;
        s[13] = hr1b;
        s[14] = hr2a;
        s[15] = hr2b;
    }
}
