package org.deckhand.analysers.tempo;

import java.util.Arrays;

/**
 * Estimates a track's tempo from its onset signal, after Percival and Tzanetakis, "Streamlined tempo estimation
 * based on autocorrelation and cross-correlation with pulses", IEEE/ACM TASLP 22(12), 2014:
 * <ol>
 * <li>the flux is low-pass filtered;</li>
 * <li>in windows of 1024 frames (11.9 s) every 64 frames (0.74 s) the {@link GeneralisedAutocorrelation} is taken,
 * its harmonics enhanced ({@code A(t) + A(2t) + A(4t)}) and its ten highest peaks between 40 and 240
 * BPM kept;</li>
 * <li>the {@link PulseTrainScorer} picks one of them per window, and the windows' picks are
 * accumulated with Gaussian smoothing into a histogram;</li>
 * <li>the {@link OctaveDecision} chooses among the winner's octaves inside the configured range (where the paper
 * uses a trained classifier), and the {@link PeriodRefiner} refines the period.</li>
 * </ol>
 */
final class TempoEstimator {

    /** Onset frames per analysis window. */
    static final int WINDOW_FRAMES = 1024;
    /** Onset frames between two windows. */
    static final int HOP_FRAMES = 64;
    private static final int CANDIDATES = 10;
    private static final double SEARCH_MIN_BPM = 40;
    private static final double SEARCH_MAX_BPM = 240;
    private static final double SMOOTHING_CUTOFF_HZ = 7;
    private static final int SMOOTHING_TAPS = 15;
    private static final float SILENCE_FLUX = 1e-4f;

    private final double frameRateHz;
    private final OctaveDecision octaves;

    /**
     * @param frameRateHz the onset signal's frame rate, Hz
     * @param minBpm the slowest tempo reported, BPM
     * @param maxBpm the fastest tempo reported, BPM, at least twice {@code minBpm}
     */
    TempoEstimator(double frameRateHz, double minBpm, double maxBpm) {
        this.frameRateHz = frameRateHz;
        this.octaves = new OctaveDecision(minBpm, maxBpm);
    }

    /**
     * @param flux the onset strength signal, one value per frame
     * @return the tempo, or null when the signal has no onsets to speak of
     */
    TempoEstimate estimate(float[] flux) {
        float[] oss = smooth(flux);
        return oss == null ? null : estimateSmoothed(oss);
    }

    /**
     * @param oss the onset strength signal after {@link #smooth}
     * @return the tempo, or null when no window found a beat
     */
    TempoEstimate estimateSmoothed(float[] oss) {
        TempoEvidence evidence = evidence(oss);
        double votedBpm = evidence.mostVotedBpm();
        if (Double.isNaN(votedBpm)) {
            return null;
        }
        float[] centred = withoutMean(oss);
        double votedPeriodFrames = PeriodRefiner.refine(centred, 60 * frameRateHz / votedBpm);
        OctaveDecision.Choice choice = octaves.choose(60 * frameRateHz / votedPeriodFrames, oss, frameRateHz,
                evidence);
        double periodFrames = PeriodRefiner.refine(centred, 60 * frameRateHz / choice.bpm());
        double bpm = 60 * frameRateHz / periodFrames;
        double confidence = evidence.voteShare(bpm) + evidence.voteShare(bpm / 2) + evidence.voteShare(bpm * 2);
        return new TempoEstimate(bpm, Math.min(1, confidence), bpm * choice.alternativeRatio(), periodFrames);
    }

    /**
     * @param flux the onset strength signal
     * @return the signal low-pass filtered, or null if it is silent
     */
    float[] smooth(float[] flux) {
        float max = 0;
        for (float value : flux) {
            max = Math.max(max, value);
        }
        if (max < SILENCE_FLUX) {
            return null;
        }
        return new LowPassFilter(SMOOTHING_CUTOFF_HZ, frameRateHz, SMOOTHING_TAPS).apply(flux);
    }

    /**
     * Runs the windows over the signal.
     *
     * @param oss the smoothed onset signal, or null for silence
     * @return what the windows say
     */
    TempoEvidence evidence(float[] oss) {
        int minLag = (int) Math.floor(60 * frameRateHz / SEARCH_MAX_BPM);
        int maxLag = (int) Math.ceil(60 * frameRateHz / SEARCH_MIN_BPM);
        TempoEvidence evidence = new TempoEvidence(frameRateHz, 4 * maxLag);
        if (oss == null) {
            return evidence;
        }
        GeneralisedAutocorrelation correlation = new GeneralisedAutocorrelation(WINDOW_FRAMES);
        float[] window = new float[WINDOW_FRAMES];
        float[] centred = new float[WINDOW_FRAMES];
        float[] lags = new float[WINDOW_FRAMES];
        double[] enhanced = new double[maxLag + 2];
        double[] candidates = new double[CANDIDATES];
        double[] heights = new double[CANDIDATES];
        int lastStart = Math.max(0, oss.length - WINDOW_FRAMES);
        for (int start = 0; start <= lastStart; start += HOP_FRAMES) {
            int valid = Math.min(WINDOW_FRAMES, oss.length - start);
            System.arraycopy(oss, start, window, 0, valid);
            Arrays.fill(window, valid, WINDOW_FRAMES, 0f);
            double mean = 0;
            for (int i = 0; i < valid; i++) {
                mean += window[i];
            }
            mean /= valid;
            if (mean < SILENCE_FLUX) {
                continue;
            }
            for (int i = 0; i < WINDOW_FRAMES; i++) {
                centred[i] = i < valid ? (float) (window[i] - mean) : 0f;
            }
            correlation.compute(centred, lags);
            evidence.addAutocorrelation(lags);
            for (int lag = minLag - 1; lag <= maxLag + 1; lag++) {
                enhanced[lag] = lags[lag] + lags[2 * lag] + lags[4 * lag];
            }
            int count = peaks(enhanced, minLag, maxLag, candidates, heights);
            int best = PulseTrainScorer.best(window, candidates, count);
            if (best >= 0) {
                evidence.vote(60 * frameRateHz / candidates[best]);
            }
        }
        return evidence;
    }

    private static int peaks(double[] enhanced, int minLag, int maxLag, double[] positions, double[] heights) {
        int count = 0;
        for (int lag = minLag; lag <= maxLag; lag++) {
            double value = enhanced[lag];
            if (value <= 0 || value <= enhanced[lag - 1] || value < enhanced[lag + 1]) {
                continue;
            }
            int slot;
            if (count < positions.length) {
                slot = count++;
            } else if (heights[count - 1] >= value) {
                continue;
            } else {
                slot = count - 1;
            }
            while (slot > 0 && heights[slot - 1] < value) {
                heights[slot] = heights[slot - 1];
                positions[slot] = positions[slot - 1];
                slot--;
            }
            double left = enhanced[lag - 1];
            double right = enhanced[lag + 1];
            double curvature = left - 2 * value + right;
            heights[slot] = value;
            positions[slot] = lag + (curvature < 0 ? 0.5 * (left - right) / curvature : 0);
        }
        return count;
    }

    private static float[] withoutMean(float[] signal) {
        double mean = 0;
        for (float value : signal) {
            mean += value;
        }
        mean /= signal.length;
        float[] centred = new float[signal.length];
        for (int i = 0; i < signal.length; i++) {
            centred[i] = (float) (signal[i] - mean);
        }
        return centred;
    }
}
