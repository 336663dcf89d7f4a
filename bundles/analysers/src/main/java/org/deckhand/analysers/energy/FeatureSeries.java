package org.deckhand.analysers.energy;

import java.util.Arrays;

/**
 * The energy features of a track, one set per second: mean square, onset count, spectral centroid and spectral flux.
 * A two-hour track takes 7,200 sets, about 300 KB.
 */
final class FeatureSeries {

    private final double hopsPerSecond;
    private double[] meanSquareSums = new double[256];
    private double[] centroidWeightedSums = new double[256];
    private double[] magnitudeSums = new double[256];
    private double[] fluxSums = new double[256];
    private int[] onsetCounts = new int[256];
    private int[] hopCounts = new int[256];
    private int seconds;

    /**
     * @param sampleRateHz the sample rate (Hz)
     * @param hopSamples samples between frames
     */
    FeatureSeries(int sampleRateHz, int hopSamples) {
        hopsPerSecond = sampleRateHz / (double) hopSamples;
    }

    /**
     * Adds one frame's measures to the second it falls in.
     *
     * @param hop the frame's index from the start of the track
     * @param meanSquare the mean square of the frame's new samples (full scale 1.0)
     * @param centroidHz the frame's spectral centroid (Hz)
     * @param magnitudeSum the sum of the frame's spectral magnitudes, which weighs its centroid
     * @param flux the frame's spectral flux
     * @param onset whether an onset was found at the frame
     */
    void addFrame(long hop, double meanSquare, double centroidHz, double magnitudeSum, double flux, boolean onset) {
        int second = (int) (hop / hopsPerSecond);
        if (second >= meanSquareSums.length) {
            grow();
        }
        seconds = Math.max(seconds, second + 1);
        meanSquareSums[second] += meanSquare;
        centroidWeightedSums[second] += centroidHz * magnitudeSum;
        magnitudeSums[second] += magnitudeSum;
        fluxSums[second] += flux;
        onsetCounts[second] += onset ? 1 : 0;
        hopCounts[second]++;
    }

    /** @return how many seconds hold at least one frame */
    int seconds() {
        return seconds;
    }

    /**
     * The features over a span of seconds, pooled.
     *
     * @param from the first second
     * @param to the second after the last
     * @return the pooled features, or null when the span holds no frame
     */
    EnergyFeatures pooled(int from, int to) {
        double meanSquare = 0;
        double centroid = 0;
        double magnitude = 0;
        double flux = 0;
        long onsets = 0;
        long hops = 0;
        for (int second = from; second < to; second++) {
            meanSquare += meanSquareSums[second];
            centroid += centroidWeightedSums[second];
            magnitude += magnitudeSums[second];
            flux += fluxSums[second];
            onsets += onsetCounts[second];
            hops += hopCounts[second];
        }
        if (hops == 0) {
            return null;
        }
        double spanSeconds = hops / hopsPerSecond;
        return new EnergyFeatures(10 * Math.log10(meanSquare / hops), onsets / spanSeconds,
                magnitude > 0 ? centroid / magnitude : 0, flux / hops);
    }

    private void grow() {
        int capacity = meanSquareSums.length * 2;
        meanSquareSums = Arrays.copyOf(meanSquareSums, capacity);
        centroidWeightedSums = Arrays.copyOf(centroidWeightedSums, capacity);
        magnitudeSums = Arrays.copyOf(magnitudeSums, capacity);
        fluxSums = Arrays.copyOf(fluxSums, capacity);
        onsetCounts = Arrays.copyOf(onsetCounts, capacity);
        hopCounts = Arrays.copyOf(hopCounts, capacity);
    }
}
