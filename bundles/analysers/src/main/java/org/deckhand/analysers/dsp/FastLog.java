package org.deckhand.analysers.dsp;

/**
 * The natural logarithm of a float by table, several times faster than {@link Math#log} and within 2e-6 of it from 1
 * to 1e6: for the log-compressed spectra of onset detection, which take a logarithm per bin and frame. A float is
 * {@code m * 2^e} with {@code m} in [1, 2); {@code ln x = e ln 2 + ln m}, and {@code ln m} is interpolated linearly
 * in a table of {@value #TABLE_STEPS} steps, whose error is at most {@code h^2 / 8} for a step {@code h}.
 */
public final class FastLog {

    private static final int TABLE_BITS = 10;
    private static final int TABLE_STEPS = 1 << TABLE_BITS;
    private static final int FRACTION_BITS = 23 - TABLE_BITS;
    private static final float FRACTION_SCALE = 1f / (1 << FRACTION_BITS);
    private static final float LN_2 = (float) Math.log(2);
    private static final float[] TABLE = table();

    private FastLog() {
    }

    /**
     * @param x a positive, normal float (not zero, subnormal, infinite or NaN)
     * @return its natural logarithm: within 2e-7 of it from the table, plus the float rounding of the sum
     */
    public static float ln(float x) {
        int bits = Float.floatToRawIntBits(x);
        int exponent = (bits >>> 23) - 127;
        int index = (bits >>> FRACTION_BITS) & (TABLE_STEPS - 1);
        float fraction = (bits & ((1 << FRACTION_BITS) - 1)) * FRACTION_SCALE;
        float below = TABLE[index];
        return exponent * LN_2 + below + fraction * (TABLE[index + 1] - below);
    }

    private static float[] table() {
        float[] table = new float[TABLE_STEPS + 1];
        for (int i = 0; i <= TABLE_STEPS; i++) {
            table[i] = (float) Math.log(1 + i / (double) TABLE_STEPS);
        }
        return table;
    }
}
