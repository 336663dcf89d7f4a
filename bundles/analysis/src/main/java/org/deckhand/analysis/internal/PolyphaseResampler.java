package org.deckhand.analysis.internal;

import java.util.Arrays;

/**
 * Changes the sample rate of one channel, block by block, with a polyphase windowed-sinc filter: output sample
 * {@code n} falls at input time {@code n * M / L} (the rates' ratio {@code L/M} in lowest terms) and is the dot product
 * of the input around that instant with the phase of the filter for its fractional part. Bandlimited interpolation
 * after J. O. Smith, "Digital Audio Resampling Home Page" (CCRMA); the phases are those of one polyphase filter bank
 * (Crochiere &amp; Rabiner, "Multirate Digital Signal Processing", 1983), computed once per pair of rates by {@link
 * ResamplingFilter}. The filter is centred on each output instant, so the output keeps the input's timing exactly.
 *
 * <p>Going down by a whole factor M (44.1 kHz to 11,025 Hz: 4), every output uses the same phase, and the filter runs
 * as M interleaved sub-filters: the input is split into its M interleaved streams, then each tap adds its coefficient
 * times one stream to a run of outputs, a loop over consecutive samples that the JIT compiles to SIMD instructions,
 * several times faster than one dot product per output. Not thread-safe.
 */
final class PolyphaseResampler {

    /** Outputs computed together by the whole-factor path: their input streams stay in the L1 cache. */
    private static final int RUN_FRAMES = 1024;

    private final ResamplingFilter filter;
    private final int halfTaps;
    private final int stepWhole;
    private final int stepPhase;
    private float[] buffer;
    private int filled;
    private long bufferStart;
    private long inputTotal;
    private long outputTotal;
    private long whole;
    private int phase;
    /** The input split into its interleaved streams, for the whole-factor path; null on the general path. */
    private final float[][] streams;
    private final float[] shifted;
    private final float[] sums;

    /**
     * @param filter the filter between the input's and the output's sample rates
     */
    PolyphaseResampler(ResamplingFilter filter) {
        this.filter = filter;
        this.halfTaps = filter.taps() / 2;
        this.stepWhole = filter.decimation() / filter.interpolation();
        this.stepPhase = filter.decimation() % filter.interpolation();
        this.buffer = new float[4 * filter.taps()];
        // the input before the first sample is silence: half a filter of zeros
        this.filled = halfTaps;
        this.bufferStart = -halfTaps;
        boolean wholeFactor = filter.interpolation() == 1 && filter.decimation() > 1;
        this.streams = wholeFactor ? new float[stepWhole][RUN_FRAMES + filter.taps() / stepWhole + 1] : null;
        this.shifted = wholeFactor ? new float[RUN_FRAMES] : null;
        this.sums = wholeFactor ? new float[RUN_FRAMES] : null;
    }

    /**
     * @param inputFrames frames given to one {@link #process} call
     * @return the most output frames that call can produce
     */
    int maxOutput(int inputFrames) {
        return (int) ((inputFrames + (long) filter.taps()) * filter.interpolation() / filter.decimation()) + 2;
    }

    /**
     * Resamples the next input frames.
     *
     * @param input the input samples
     * @param frames how many of them, from index 0
     * @param last whether they end the input: the filter is then flushed, so that the whole output is
     *     {@code ceil(inputFrames * targetRate / sourceRate)} frames long
     * @param output where the output goes, from index 0, at least {@link #maxOutput(int)} long
     * @return the output frames produced
     */
    int process(float[] input, int frames, boolean last, float[] output) {
        append(input, frames);
        inputTotal += frames;
        long outputEnd = Long.MAX_VALUE;
        if (last) {
            appendSilence(halfTaps + 1);
            outputEnd = (inputTotal * filter.interpolation() + filter.decimation() - 1) / filter.decimation();
        }
        int taps = filter.taps();
        long available = bufferStart + filled;
        int produced = 0;
        if (streams != null) {
            long count = Math.min(outputEnd - outputTotal, Math.max(0,
                    (available - halfTaps - whole + stepWhole - 1) / stepWhole));
            while (produced < count) {
                int run = (int) Math.min(RUN_FRAMES, count - produced);
                wholeFactorRun((int) (whole - halfTaps + 1 - bufferStart), run, output, produced);
                produced += run;
                whole += (long) run * stepWhole;
            }
            outputTotal += produced;
        }
        while (whole + halfTaps < available && outputTotal < outputEnd) {
            int from = (int) (whole - halfTaps + 1 - bufferStart);
            output[produced++] = dot(buffer, from, filter.phase(phase), taps);
            outputTotal++;
            whole += stepWhole;
            phase += stepPhase;
            if (phase >= filter.interpolation()) {
                phase -= filter.interpolation();
                whole++;
            }
        }
        discardBefore(whole - halfTaps + 1);
        return produced;
    }

    /**
     * Computes {@code run} outputs going down by a whole factor M, the first one from the taps starting at {@code
     * from} in the buffer: output q is the sum over taps j of {@code c[j] * buffer[from + q * M + j]}, that is of
     * {@code c[j] * stream[j % M][q + j / M]} with {@code stream[r][k] = buffer[from + r + k * M]}.
     */
    private void wholeFactorRun(int from, int run, float[] output, int at) {
        int factor = stepWhole;
        int length = run + filter.taps() / factor + 1;
        for (int r = 0; r < factor; r++) {
            float[] stream = streams[r];
            int last = Math.min(length, (filled - from - r + factor - 1) / factor);
            for (int k = 0; k < last; k++) {
                stream[k] = buffer[from + r + k * factor];
            }
        }
        float[] coefficients = filter.phase(0);
        Arrays.fill(sums, 0, run, 0f);
        for (int j = 0; j < coefficients.length; j++) {
            System.arraycopy(streams[j % factor], j / factor, shifted, 0, run);
            multiplyAdd(coefficients[j], shifted, sums, run);
        }
        System.arraycopy(sums, 0, output, at, run);
    }

    /**
     * {@code sums[q] += coefficient * samples[q]}: both arrays from index 0, the loop shape that C2 compiles to SIMD
     * instructions (it leaves loops over arrays at two different variable offsets scalar).
     */
    private static void multiplyAdd(float coefficient, float[] samples, float[] sums, int count) {
        for (int q = 0; q < count; q++) {
            sums[q] += coefficient * samples[q];
        }
    }

    private static float dot(float[] samples, int from, float[] coefficients, int taps) {
        float a = 0;
        float b = 0;
        float c = 0;
        float d = 0;
        for (int j = 0; j < taps; j += 4) {
            a += samples[from + j] * coefficients[j];
            b += samples[from + j + 1] * coefficients[j + 1];
            c += samples[from + j + 2] * coefficients[j + 2];
            d += samples[from + j + 3] * coefficients[j + 3];
        }
        return (a + b) + (c + d);
    }

    private void append(float[] input, int frames) {
        ensureRoom(frames);
        System.arraycopy(input, 0, buffer, filled, frames);
        filled += frames;
    }

    private void appendSilence(int frames) {
        ensureRoom(frames);
        Arrays.fill(buffer, filled, filled + frames, 0f);
        filled += frames;
    }

    private void ensureRoom(int frames) {
        if (filled + frames > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(2 * buffer.length, filled + frames));
        }
    }

    private void discardBefore(long index) {
        int drop = (int) Math.min(Math.max(0, index - bufferStart), filled);
        System.arraycopy(buffer, drop, buffer, 0, filled - drop);
        filled -= drop;
        bufferStart += drop;
    }
}
