package org.deckhand.mixer.internal.testing;

/**
 * Where the beats fall in a stretch of music whose beat period is known: the rises of its short-time energy
 * (half-wave rectified differences of log energy in 5.8 ms frames every 1.45 ms, a broadband onset strength in the
 * manner of Klapuri, "Sound onset detection by applying psychoacoustic knowledge", ICASSP 1999) are folded onto one
 * beat period and the phase where they gather most is the beat. It needs no tempo estimate, so a track whose beat
 * grid analyser would hear another metrical level in a short excerpt is still placed on its beat.
 */
public final class BeatPhase {

    private static final int FRAME_SAMPLES = 256;
    private static final int HOP_SAMPLES = 64;
    private static final int BINS = 256;
    private static final int SMOOTHING_BINS = 2;

    private BeatPhase() {
    }

    /**
     * @param stereo the music, left and right
     * @param rateHz its sample rate, Hz
     * @param periodSeconds its beat period, seconds
     * @return where its beats fall, seconds after its start modulo the beat period, 0 to {@code periodSeconds}
     */
    public static double seconds(float[][] stereo, int rateHz, double periodSeconds) {
        double[] folded = new double[BINS];
        double previous = Double.NaN;
        for (int start = 0; start + FRAME_SAMPLES <= stereo[0].length; start += HOP_SAMPLES) {
            double energy = 1e-10;
            for (int i = start; i < start + FRAME_SAMPLES; i++) {
                double mono = (stereo[0][i] + stereo[1][i]) / 2;
                energy += mono * mono;
            }
            double logEnergy = Math.log(energy);
            if (!Double.isNaN(previous) && logEnergy > previous) {
                double centre = (start + FRAME_SAMPLES / 2.0) / rateHz;
                double phase = centre / periodSeconds - Math.floor(centre / periodSeconds);
                folded[(int) (phase * BINS) % BINS] += logEnergy - previous;
            }
            previous = logEnergy;
        }
        int best = 0;
        double bestSum = Double.NEGATIVE_INFINITY;
        for (int bin = 0; bin < BINS; bin++) {
            double sum = 0;
            for (int offset = -SMOOTHING_BINS; offset <= SMOOTHING_BINS; offset++) {
                sum += folded[Math.floorMod(bin + offset, BINS)];
            }
            if (sum > bestSum) {
                bestSum = sum;
                best = bin;
            }
        }
        return (best + 0.5) / BINS * periodSeconds;
    }

    /**
     * @param first a phase, seconds
     * @param second another phase, seconds
     * @param periodSeconds the beat period both are taken modulo, seconds
     * @return how far apart they are around the beat, 0 to half the period, seconds
     */
    public static double apartSeconds(double first, double second, double periodSeconds) {
        double apart = Math.abs(first - second) % periodSeconds;
        return Math.min(apart, periodSeconds - apart);
    }
}
