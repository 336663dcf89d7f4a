package org.deckhand.analysers.tempo;

/**
 * Builds a track's beat grid from its onset envelopes: the tempo from the {@link TempoEstimator}, the beats from the
 * {@link BeatTracker} (Ellis 2007), a constant grid fitted to them ({@link GridFit}), the bar phase from
 * {@link Downbeats} and the cue points from {@link CuePoints}. A grid is variable-tempo when its two halves' periods
 * differ by more than {@value #DRIFT_LIMIT} of a period, or when less than {@value #ON_GRID_LIMIT} of the beats'
 * onset strength lies on the grid.
 */
final class BeatGridEstimator {

    static final double DRIFT_LIMIT = 0.01;
    static final double ON_GRID_LIMIT = 0.6;
    /**
     * Where a frame's onset lies, in samples from the start of the frame's window: the flux of a frame rises most
     * when an attack reaches the middle of its Hann window. Measured with synthetic clicks.
     */
    static final double ONSET_OFFSET_SAMPLES = OnsetEnvelope.WINDOW_SAMPLES / 2.0;
    private static final double MUSIC_START_SHARE = 0.1;

    private BeatGridEstimator() {
    }

    /**
     * @param tempo the track's tempo, with its smoothed full-band onset signal and the estimator that found it
     * @param lowFlux the low-band onset signal, one value per frame
     * @param levelAboveFloorDb the level, one value per {@link OnsetEnvelope#LEVEL_FRAMES} frames, dB
     * @return the grid, or null if the track has no beat
     */
    static BeatGrid estimate(TrackEnvelope.TempoFinding tempo, float[] lowFlux, float[] levelAboveFloorDb) {
        float[] fullOss = tempo.oss();
        TempoEstimate estimate = tempo.estimate();
        if (estimate == null) {
            return null;
        }
        float[] lowOss = tempo.estimator().smooth(lowFlux);
        float[] oss = beatSignal(fullOss, lowOss);
        double[] beats = BeatTracker.track(oss, estimate.periodFrames());
        if (beats.length < 2) {
            return null;
        }
        double[] weights = new double[beats.length];
        for (int i = 0; i < beats.length; i++) {
            weights[i] = Math.max(0, oss[(int) Math.round(beats[i])]);
        }
        GridFit grid = GridFit.fit(beats, weights, estimate.periodFrames());
        double period = grid.periodFrames();
        int phase = Downbeats.phase(lowOss == null ? oss : lowOss, grid.originFrames(), period);
        double musicStart = musicStart(oss) - period / 4;
        long k = (long) Math.ceil((musicStart - grid.originFrames()) / period);
        k += Math.floorMod(phase - k, (long) Downbeats.BEATS_PER_BAR);
        double firstDownbeat = grid.originFrames() + k * period;
        double frameSeconds = OnsetEnvelope.HOP_SAMPLES / (double) OnsetEnvelope.SAMPLE_RATE_HZ;
        double offsetSeconds = ONSET_OFFSET_SAMPLES / OnsetEnvelope.SAMPLE_RATE_HZ;
        CuePoints cues = CuePoints.find(levelAboveFloorDb, OnsetEnvelope.LEVEL_FRAMES, frameSeconds, firstDownbeat,
                Downbeats.BEATS_PER_BAR * period);
        double firstDownbeatSeconds = firstDownbeat * frameSeconds + offsetSeconds;
        boolean variable = grid.driftRatio() > DRIFT_LIMIT || grid.onGridShare() < ON_GRID_LIMIT;
        return new BeatGrid(firstDownbeatSeconds, period * frameSeconds, grid.onGridShare(), variable,
                cues == null ? firstDownbeatSeconds : cues.introEndSeconds() + offsetSeconds,
                cues == null ? firstDownbeatSeconds : cues.outroStartSeconds() + offsetSeconds);
    }

    /**
     * The signal the beats are tracked on: the full-band and the low-band onset signals, each over its standard
     * deviation, added, so that kicks weigh as much as the broadband hi-hats that often fall between the beats.
     *
     * @param oss the smoothed full-band onset signal
     * @param lowOss the smoothed low-band onset signal, or null if it is silent
     * @return their normalised sum
     */
    static float[] beatSignal(float[] oss, float[] lowOss) {
        if (lowOss == null) {
            return oss;
        }
        double fullScale = 1 / standardDeviation(oss);
        double lowScale = 1 / standardDeviation(lowOss);
        float[] sum = new float[oss.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = (float) (oss[i] * fullScale + lowOss[i] * lowScale);
        }
        return sum;
    }

    /** @return the standard deviation of a signal that is not constant */
    static double standardDeviation(float[] signal) {
        double sum = 0;
        double sumSquares = 0;
        for (float value : signal) {
            sum += value;
            sumSquares += value * value;
        }
        double mean = sum / signal.length;
        return Math.sqrt(Math.max(1e-12, sumSquares / signal.length - mean * mean));
    }

    /** @return the first frame whose onset strength reaches a tenth of the track's strongest */
    private static double musicStart(float[] oss) {
        float max = 0;
        for (float value : oss) {
            max = Math.max(max, value);
        }
        int frame = 0;
        while (oss[frame] < MUSIC_START_SHARE * max) {
            frame++;
        }
        return frame;
    }
}
