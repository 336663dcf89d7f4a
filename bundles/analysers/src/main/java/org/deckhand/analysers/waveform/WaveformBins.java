package org.deckhand.analysers.waveform;

import java.util.Arrays;

/**
 * Accumulates a track's waveform into bins of equal length: per bin and channel the lowest and highest sample, and per
 * bin the energy of the three bands of a {@link BandSplitter}. The bin length is chosen from the expected duration so
 * that the track fills about {@value #TARGET_BINS} bins; if the track runs longer than expected and the
 * {@value #CAPACITY} bins fill up, neighbouring bins are merged in pairs and the bin length doubles, so memory stays
 * fixed whatever the track's length.
 */
final class WaveformBins {

    /** The number of bins a track of the expected duration fills. */
    static final int TARGET_BINS = 1000;
    private static final int CAPACITY = 2 * TARGET_BINS;
    private static final int BANDS = 3;

    private final int channels;
    private final BandSplitter splitter;
    private final float[][] min;
    private final float[][] max;
    private final double[][] bandSquares = new double[BANDS][CAPACITY];
    private final double[] runSquares = new double[BANDS];
    private long binFrames;
    private int bins;
    private long framesInBin;

    /**
     * @param channels the channel count, 1 or 2
     * @param sampleRateHz the sample rate (Hz)
     * @param expectedFrames the track's expected length (frames), or 0 when unknown
     */
    WaveformBins(int channels, int sampleRateHz, long expectedFrames) {
        this.channels = channels;
        splitter = new BandSplitter(sampleRateHz);
        min = new float[channels][CAPACITY];
        max = new float[channels][CAPACITY];
        binFrames = expectedFrames > 0 ? Math.max(1, (expectedFrames + TARGET_BINS - 1) / TARGET_BINS)
                : Math.max(1, sampleRateHz / 100);
    }

    /**
     * Adds the next samples.
     *
     * @param samples the samples, {@code [channel][frame]}, full scale 1.0
     * @param frames how many frames are valid, from index 0
     */
    void add(float[][] samples, int frames) {
        int from = 0;
        while (from < frames) {
            int to = (int) Math.min(frames, from + binFrames - framesInBin);
            for (int channel = 0; channel < channels; channel++) {
                addExtremes(channel, samples[channel], from, to);
            }
            Arrays.fill(runSquares, 0);
            splitter.addSquares(samples[0], samples[channels - 1], from, to, runSquares);
            for (int band = 0; band < BANDS; band++) {
                bandSquares[band][bins] += runSquares[band];
            }
            framesInBin += to - from;
            from = to;
            if (framesInBin == binFrames) {
                framesInBin = 0;
                bins++;
                if (bins == CAPACITY) {
                    mergePairs();
                }
            }
        }
    }

    /**
     * @param sampleRateHz the sample rate (Hz)
     * @return the bins as an overview, the last, partly filled, bin included; null when no sample came
     */
    WaveformOverview overview(int sampleRateHz) {
        int points = framesInBin > 0 ? bins + 1 : bins;
        if (points == 0) {
            return null;
        }
        float[][] lows = new float[channels][];
        float[][] highs = new float[channels][];
        for (int channel = 0; channel < channels; channel++) {
            lows[channel] = Arrays.copyOf(min[channel], points);
            highs[channel] = Arrays.copyOf(max[channel], points);
        }
        float[][] levels = new float[BANDS][points];
        for (int point = 0; point < points; point++) {
            long frames = point < bins ? binFrames : framesInBin;
            for (int band = 0; band < BANDS; band++) {
                levels[band][point] = BandLevels.level(bandSquares[band][point] / frames);
            }
        }
        return new WaveformOverview(binFrames / (double) sampleRateHz, lows, highs, levels[0], levels[1], levels[2]);
    }

    private void addExtremes(int channel, float[] samples, int from, int to) {
        float lowest = framesInBin == 0 ? Float.POSITIVE_INFINITY : min[channel][bins];
        float highest = framesInBin == 0 ? Float.NEGATIVE_INFINITY : max[channel][bins];
        for (int i = from; i < to; i++) {
            float sample = samples[i];
            lowest = sample < lowest ? sample : lowest;
            highest = sample > highest ? sample : highest;
        }
        min[channel][bins] = lowest;
        max[channel][bins] = highest;
    }

    private void mergePairs() {
        int merged = bins / 2;
        for (int bin = 0; bin < merged; bin++) {
            for (int channel = 0; channel < channels; channel++) {
                min[channel][bin] = Math.min(min[channel][2 * bin], min[channel][2 * bin + 1]);
                max[channel][bin] = Math.max(max[channel][2 * bin], max[channel][2 * bin + 1]);
            }
            for (int band = 0; band < BANDS; band++) {
                bandSquares[band][bin] = bandSquares[band][2 * bin] + bandSquares[band][2 * bin + 1];
            }
        }
        for (int band = 0; band < BANDS; band++) {
            Arrays.fill(bandSquares[band], merged, CAPACITY, 0);
        }
        bins = merged;
        binFrames *= 2;
    }
}
