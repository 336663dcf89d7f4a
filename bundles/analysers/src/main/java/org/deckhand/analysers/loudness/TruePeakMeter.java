package org.deckhand.analysers.loudness;

import java.util.Arrays;

/**
 * Sample peak and true peak of one channel, per ITU-R BS.1770-4, Annex 2: the signal is interpolated at four times its
 * sample rate and the largest magnitude of the interpolated signal is the true peak (the Annex's attenuation of
 * 12.04 dB before and gain after cancel out in floating point, so neither is applied).
 *
 * <p>The interpolator is a polyphase FIR: a Kaiser-windowed sinc (beta {@value #KAISER_BETA}) spanning
 * {@value #TAPS_PER_PHASE} input samples per phase, cut off at the input's Nyquist frequency, each phase normalised to
 * unit gain at 0 Hz. Phase 0 is the input sample itself; phases 1 to 3 fall a quarter, a half and three quarters of a
 * sample later. Its response is flat within 0.01 dB up to 0.35 times the sample rate (15.4 kHz at 44.1 kHz), 0.02 dB
 * low at 0.4 times it (17.6 kHz) and 0.3 dB low at 0.42 times it (18.5 kHz), so only a peak made of the very highest
 * frequencies reads low.
 *
 * <p>Interpolating is the costly part, so it is skipped where it cannot raise the peak, by two bounds. An interpolated
 * value is {@code sum(h[k] * x[k])} over the phase's taps, so its magnitude is at most {@code max|x| * sum|h|}. First,
 * the samples are taken in chunks of {@value #CHUNK_POSITIONS} interpolation positions; a chunk whose input samples,
 * and those of the chunk before it that its taps reach back to, all lie more than 6.7 dB (the largest L1 norm of a
 * phase, about 2.16) below the running true peak is not interpolated. Second, in a chunk that is, the
 * {@value #CENTRAL_TAPS} taps nearest each instant are summed first; the other taps can add at most
 * {@code max|x|} times their L1 norm (about 0.5), and when even that cannot lift any partial sum above the running
 * true peak the rest is skipped. Both skips are exact: they never change the result, only the time spent.
 *
 * <p>Not thread-safe: the meter keeps the last samples of a block for the next.
 */
final class TruePeakMeter {

    /** Input samples that each interpolated value is computed from. */
    static final int TAPS_PER_PHASE = 20;
    /** The oversampling factor of BS.1770-4, Annex 2. */
    static final int OVERSAMPLING = 4;
    private static final double KAISER_BETA = 6.5;
    private static final int CHUNK_POSITIONS = 32;
    /** The taps nearest the interpolated instant, two on either side, summed first. */
    private static final int CENTRAL_TAPS = 4;
    private static final int CENTRAL_FIRST_TAP = TAPS_PER_PHASE / 2 - CENTRAL_TAPS / 2;
    private static final float[][] PHASES = designPhases();
    private static final float L1_NORM = largestL1Norm(PHASES, 0, TAPS_PER_PHASE);
    private static final float OUTER_L1_NORM = largestL1Norm(PHASES, 0, CENTRAL_FIRST_TAP)
            + largestL1Norm(PHASES, CENTRAL_FIRST_TAP + CENTRAL_TAPS, TAPS_PER_PHASE);

    /** The previous block's last {@code TAPS_PER_PHASE - 1} samples, then the current block's. */
    private float[] window = new float[TAPS_PER_PHASE - 1 + 4096];
    /** The interpolated values of a chunk, {@code [phase - 1][position]}. */
    private final float[][] interpolated = new float[OVERSAMPLING - 1][CHUNK_POSITIONS];
    /** The largest magnitude among the samples of the previous chunk, which the current chunk's taps reach back to. */
    private float previousChunkPeak;
    private float samplePeak;
    private float truePeak;

    /**
     * Measures the next samples of the channel.
     *
     * @param samples the samples, full scale 1.0
     * @param frames how many of them are valid, from index 0
     */
    void process(float[] samples, int frames) {
        int history = TAPS_PER_PHASE - 1;
        if (window.length < history + frames) {
            window = Arrays.copyOf(window, history + frames);
        }
        System.arraycopy(samples, 0, window, history, frames);
        for (int start = 0; start < frames; start += CHUNK_POSITIONS) {
            int positions = Math.min(CHUNK_POSITIONS, frames - start);
            float chunkPeak = largestMagnitude(start + history, start + history + positions);
            samplePeak = Math.max(samplePeak, chunkPeak);
            truePeak = Math.max(truePeak, chunkPeak);
            float inputPeak = Math.max(chunkPeak, previousChunkPeak);
            if (inputPeak * L1_NORM > truePeak) {
                interpolate(start, positions, inputPeak);
            }
            previousChunkPeak = positions >= history ? chunkPeak : Math.max(chunkPeak, previousChunkPeak);
        }
        System.arraycopy(window, frames, window, 0, history);
    }

    /** Interpolates the last samples, those whose taps reach beyond the end of the track, against silence. */
    void flush() {
        process(new float[TAPS_PER_PHASE / 2], TAPS_PER_PHASE / 2);
    }

    /** @return the largest sample magnitude so far, full scale 1.0 */
    float samplePeak() {
        return samplePeak;
    }

    /** @return the largest magnitude of the 4-times interpolated signal so far, full scale 1.0 */
    float truePeak() {
        return truePeak;
    }

    /**
     * The largest magnitude in a run of the window. Compares the magnitudes' bit patterns as integers, which order
     * non-negative floats as their values do, and lets the loop run branch-free on vector instructions.
     */
    private float largestMagnitude(int from, int to) {
        int largestBits = 0;
        for (int i = from; i < to; i++) {
            largestBits = Math.max(largestBits, Float.floatToRawIntBits(window[i]) & Integer.MAX_VALUE);
        }
        return Float.intBitsToFloat(largestBits);
    }

    /**
     * Interpolates a chunk in two passes: the taps nearest the interpolated instants first, then, unless the partial
     * sums plus the most the other taps can add stay below the running true peak, the other taps.
     *
     * @param start the window index of the chunk's first tap
     * @param positions how many interpolation positions the chunk holds
     * @param inputPeak the largest input magnitude any of the chunk's taps can see
     */
    private void interpolate(int start, int positions, float inputPeak) {
        accumulate(start, positions, CENTRAL_FIRST_TAP, CENTRAL_FIRST_TAP + CENTRAL_TAPS, true);
        if (largestInterpolated(positions) + inputPeak * OUTER_L1_NORM <= truePeak) {
            return;
        }
        accumulate(start, positions, 0, CENTRAL_FIRST_TAP, false);
        accumulate(start, positions, CENTRAL_FIRST_TAP + CENTRAL_TAPS, TAPS_PER_PHASE, false);
        truePeak = Math.max(truePeak, largestInterpolated(positions));
    }

    private void accumulate(int start, int positions, int firstTap, int endTap, boolean fresh) {
        for (int phase = 1; phase < OVERSAMPLING; phase++) {
            float[] taps = PHASES[phase];
            float[] out = interpolated[phase - 1];
            if (fresh) {
                Arrays.fill(out, 0, positions, 0f);
            }
            for (int k = firstTap; k < endTap; k++) {
                float tap = taps[k];
                int offset = start + k;
                for (int i = 0; i < positions; i++) {
                    out[i] += tap * window[offset + i];
                }
            }
        }
    }

    private float largestInterpolated(int positions) {
        int largestBits = 0;
        for (float[] out : interpolated) {
            for (int i = 0; i < positions; i++) {
                largestBits = Math.max(largestBits, Float.floatToRawIntBits(out[i]) & Integer.MAX_VALUE);
            }
        }
        return Float.intBitsToFloat(largestBits);
    }

    /**
     * @return the taps of each phase, {@code [phase][tap]}; tap k weighs the input sample at
     *     {@code k - TAPS_PER_PHASE / 2 + 1 - phase / 4} samples from the interpolated instant
     */
    private static float[][] designPhases() {
        float[][] phases = new float[OVERSAMPLING][TAPS_PER_PHASE];
        double halfSpan = TAPS_PER_PHASE / 2.0;
        for (int phase = 0; phase < OVERSAMPLING; phase++) {
            double[] taps = new double[TAPS_PER_PHASE];
            double sum = 0;
            for (int k = 0; k < TAPS_PER_PHASE; k++) {
                double distance = k - halfSpan + 1 - phase / (double) OVERSAMPLING;
                double ratio = distance / halfSpan;
                double kaiser = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - ratio * ratio)))
                        / besselI0(KAISER_BETA);
                taps[k] = sinc(distance) * kaiser;
                sum += taps[k];
            }
            for (int k = 0; k < TAPS_PER_PHASE; k++) {
                phases[phase][k] = (float) (taps[k] / sum);
            }
        }
        return phases;
    }

    /**
     * @return the largest sum of tap magnitudes over taps {@code [fromTap, toTap)} of a phase, raised by 0.01 % against
     *     rounding
     */
    private static float largestL1Norm(float[][] phases, int fromTap, int toTap) {
        float largest = 0;
        for (float[] taps : phases) {
            float norm = 0;
            for (int k = fromTap; k < toTap; k++) {
                norm += Math.abs(taps[k]);
            }
            largest = Math.max(largest, norm);
        }
        return largest * 1.0001f;
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** The modified Bessel function of the first kind, order 0, by its power series. */
    private static double besselI0(double x) {
        double term = 1;
        double sum = 1;
        double quarterSquare = x * x / 4;
        for (int k = 1; term > 1e-12 * sum; k++) {
            term *= quarterSquare / ((double) k * k);
            sum += term;
        }
        return sum;
    }
}
