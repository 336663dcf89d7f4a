package org.deckhand.mixer.internal.render;

import java.util.Arrays;

/**
 * Finds, for a WSOLA stretcher, the offset in its seek window where the input continues the previous sequence's end
 * most alike: the highest cross-correlation over the overlap with the previous sequence's end weighted by
 * {@code i * (overlap - i)}, summed over the channels, divided by that reference's norm and weighted slightly
 * towards the middle of the seek window (SoundTouch's {@code TDStretch} heuristic, as TarsosDSP's
 * {@code WaveformSimilarityBasedOverlapAdd} ports it).
 *
 * <p>The exhaustive search scores every offset, as TarsosDSP does: about {@code seek * overlap * channels}
 * multiply-adds per sequence. The quick search goes coarse to fine, as multiresolution WSOLA does (and, by sparse
 * sampling rather than decimation, SoundTouch's "quick seek"): it cross-correlates each channel decimated by
 * {@value #DECIMATION} (sums of {@value #DECIMATION} frames, a box low-pass) at every coarse offset, sums the
 * channels (not their mono sum: some recordings have channels in opposite phase), takes the {@value #CANDIDATES}
 * highest peaks of that correlation and the middle of the window, and scores at the full rate, exactly as the
 * exhaustive search, the frames around each; about 15 times fewer operations with the music lengths. Not
 * thread-safe.
 */
final class SpliceSearch {

    /** Below this energy the previous sequence's end is silence, and every splice point is as good. */
    private static final double SILENT_NORM = 1e-8;
    /** How many frames of input one frame of the quick search's coarse signals sums. */
    private static final int DECIMATION = 8;
    /** How many peaks of the coarse correlation the quick search scores at the full rate. */
    private static final int CANDIDATES = 3;
    /** The fewest coarse frames the overlap must span for the coarse stage to say anything. */
    private static final int MIN_COARSE_OVERLAP = 8;

    private final int seek;
    private final int overlap;
    private final boolean quick;
    private final float[][] reference;
    private final float[][] coarseReference;
    private final float[][] coarseWindow;
    private final int coarseOverlap;
    private final int coarseOffsets;
    private final double[] coarseCorrelations;
    private final int[] peaks = new int[CANDIDATES + 1];
    private double scale;
    private int bestOffset;
    private double bestScore;

    /**
     * @param channels how many channels the stretcher plays
     * @param parameters the WSOLA lengths, and whether to search quickly; a quick search on an overlap shorter
     *     than {@code 8 * 8} frames is exhaustive
     */
    SpliceSearch(int channels, WsolaParameters parameters) {
        seek = parameters.seekFrames();
        overlap = parameters.overlapFrames();
        quick = parameters.quickSeek() && overlap >= DECIMATION * MIN_COARSE_OVERLAP;
        reference = new float[channels][overlap];
        coarseOverlap = overlap / DECIMATION;
        coarseOffsets = (seek + DECIMATION - 1) / DECIMATION;
        coarseReference = new float[channels][quick ? coarseOverlap : 0];
        coarseWindow = new float[channels][quick ? coarseOffsets + coarseOverlap : 0];
        coarseCorrelations = new double[quick ? coarseOffsets : 0];
    }

    /**
     * @param previous per channel, the last {@code overlap} frames of the previous sequence
     * @param window per channel, at least {@code seek + 2 * overlap} frames of input, its first frame at offset 0
     * @return the offset in {@code [0, seek)} to splice at
     */
    int best(float[][] previous, float[][] window) {
        weighReference(previous);
        return quick ? coarseToFine(window) : bestBetween(window, 0, seek);
    }

    private void weighReference(float[][] previous) {
        double norm = 0;
        for (int channel = 0; channel < reference.length; channel++) {
            float[] from = previous[channel];
            float[] weighted = reference[channel];
            for (int i = 0; i < overlap; i++) {
                float slope = i * (overlap - i);
                weighted[i] = from[i] * slope;
            }
            for (int i = 1; i < overlap; i++) {
                norm += weighted[i] * weighted[i];
            }
        }
        scale = Math.pow(norm < SILENT_NORM ? 1 : norm, 0.5);
    }

    /**
     * Cross-correlates at every coarse offset, then scores the full-rate offsets around the highest peaks and around
     * the middle of the window. The coarse stage ranks by correlation alone (the low band's correlation is not on
     * the full band's scale), so the pull towards the middle is left to the full-rate scores; the middle is always
     * among the candidates, as where the correlation says nothing (silence, noise) it is the exhaustive search's
     * choice, and the one that keeps the beats on time.
     */
    private int coarseToFine(float[][] window) {
        double[] correlations = coarseCorrelations;
        Arrays.fill(correlations, 0);
        for (int channel = 0; channel < reference.length; channel++) {
            float[] ref = decimate(reference[channel], coarseReference[channel]);
            float[] in = decimate(window[channel], coarseWindow[channel]);
            for (int offset = 0; offset < coarseOffsets; offset++) {
                double correlation = 0;
                for (int i = 0; i < coarseOverlap; i++) {
                    correlation += ref[i] * in[offset + i];
                }
                correlations[offset] += correlation;
            }
        }
        int[] peaks = this.peaks;
        int middle = seek / 2 / DECIMATION;
        peaks[0] = middle;
        bestOffset = -1;
        bestScore = Double.NEGATIVE_INFINITY;
        refineAround(window, middle);
        for (int candidate = 1; candidate <= CANDIDATES; candidate++) {
            int peak = highestPeak(correlations, peaks, candidate);
            if (peak < 0) {
                break;
            }
            peaks[candidate] = peak;
            refineAround(window, peak);
        }
        return bestOffset;
    }

    /** Scores the full-rate offsets less than a coarse frame from a coarse offset, and keeps the best so far. */
    private void refineAround(float[][] window, int coarseOffset) {
        int from = Math.max(0, coarseOffset * DECIMATION - DECIMATION + 1);
        int to = Math.min(seek, coarseOffset * DECIMATION + DECIMATION);
        for (int offset = from; offset < to; offset++) {
            double score = fullScore(window, offset);
            if (score > bestScore) {
                bestScore = score;
                bestOffset = offset;
            }
        }
    }

    /**
     * @return the coarse offset with the highest correlation among those not lower than their neighbours, other than
     *     the first {@code taken} of {@code peaks}, or -1 when there is none
     */
    private int highestPeak(double[] correlations, int[] peaks, int taken) {
        int peak = -1;
        double highest = Double.NEGATIVE_INFINITY;
        int last = coarseOffsets - 1;
        for (int offset = 0; offset <= last; offset++) {
            double correlation = correlations[offset];
            if (correlation > highest && (offset == 0 || correlation >= correlations[offset - 1])
                    && (offset == last || correlation >= correlations[offset + 1]) && !contains(peaks, taken, offset)) {
                peak = offset;
                highest = correlation;
            }
        }
        return peak;
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return {@code into}, each of whose frames holds the sum of {@value #DECIMATION} frames of {@code samples}
     */
    private static float[] decimate(float[] samples, float[] into) {
        for (int frame = 0; frame < into.length; frame++) {
            int at = frame * DECIMATION;
            float sum = 0;
            for (int j = 0; j < DECIMATION; j++) {
                sum += samples[at + j];
            }
            into[frame] = sum;
        }
        return into;
    }

    /** @return the best-scoring full-rate offset in {@code [from, to)}, the first of equals */
    private int bestBetween(float[][] window, int from, int to) {
        int best = from;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int offset = from; offset < to; offset++) {
            double score = fullScore(window, offset);
            if (score > bestScore) {
                bestScore = score;
                best = offset;
            }
        }
        return best;
    }

    private double fullScore(float[][] window, int offset) {
        double correlation = 0;
        for (int channel = 0; channel < window.length; channel++) {
            correlation += dot(reference[channel], window[channel], offset);
        }
        return score(correlation / scale, offset);
    }

    private double score(double normalised, int offset) {
        double fromMiddle = (double) (2 * offset - seek) / seek;
        return (normalised + 0.1) * (1.0 - 0.25 * fromMiddle * fromMiddle);
    }

    /**
     * @return the sum over {@code i} in {@code [1, overlap)} of {@code weighted[i] * in[offset + i]}, in four
     *     partial sums so that the additions do not wait on each other
     */
    private double dot(float[] weighted, float[] in, int offset) {
        double sum0 = 0;
        double sum1 = 0;
        double sum2 = 0;
        double sum3 = 0;
        int end = overlap;
        int i = 1;
        for (; i + 3 < end; i += 4) {
            sum0 += weighted[i] * in[offset + i];
            sum1 += weighted[i + 1] * in[offset + i + 1];
            sum2 += weighted[i + 2] * in[offset + i + 2];
            sum3 += weighted[i + 3] * in[offset + i + 3];
        }
        for (; i < end; i++) {
            sum0 += weighted[i] * in[offset + i];
        }
        return (sum0 + sum1) + (sum2 + sum3);
    }
}
