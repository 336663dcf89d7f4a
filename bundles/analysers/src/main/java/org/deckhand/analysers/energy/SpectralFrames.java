package org.deckhand.analysers.energy;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;
import org.deckhand.analysers.dsp.FastLog;
import org.deckhand.analysers.dsp.OverlappingFrames;

/**
 * Cuts mono audio into Hann-windowed frames of {@value #FRAME_SAMPLES} samples every {@value #HOP_SAMPLES} samples
 * and measures each: its energy, its spectral centroid and its spectral flux, the half-wave rectified increase of the
 * log-compressed magnitude spectrum from the previous frame (S. Dixon, "Onset Detection Revisited", DAFx 2006; log
 * compression after A. Klapuri, "Sound onset detection by applying psychoacoustic knowledge", ICASSP 1999). The
 * measures go, with any onset the {@link OnsetPicker} finds, to a {@link FeatureSeries}; an onset is counted with the
 * frame that confirms it, three frames (70 ms) after it.
 */
final class SpectralFrames {

    /** Samples per analysis frame. */
    static final int FRAME_SAMPLES = 512;
    /** Samples between the starts of consecutive frames. */
    static final int HOP_SAMPLES = 256;
    /** Scales magnitudes before the log compression {@code log(1 + C|X|)}. */
    private static final double COMPRESSION = 1000;

    private final double binHz;
    private final FFT fft = new FFT(FRAME_SAMPLES, new HannWindow());
    private final float[] magnitudes = new float[FRAME_SAMPLES / 2];
    private final double[] previousLog = new double[FRAME_SAMPLES / 2];
    private final OnsetPicker onsets = new OnsetPicker();
    private final OverlappingFrames frames = new OverlappingFrames(FRAME_SAMPLES, HOP_SAMPLES, this::measure);
    private final FeatureSeries series;
    private long hops;

    /**
     * @param sampleRateHz the sample rate (Hz)
     * @param series receives the measures of each frame
     */
    SpectralFrames(int sampleRateHz, FeatureSeries series) {
        this.binHz = sampleRateHz / (double) FRAME_SAMPLES;
        this.series = series;
    }

    /**
     * Adds the next samples.
     *
     * @param samples mono samples, full scale 1.0
     * @param count how many are valid, from index 0
     */
    void add(float[] samples, int count) {
        frames.add(samples, count);
    }

    private void measure(float[] frame) {
        double hopEnergy = 0;
        for (int i = FRAME_SAMPLES - HOP_SAMPLES; i < FRAME_SAMPLES; i++) {
            hopEnergy += frame[i] * frame[i];
        }
        fft.forwardTransform(frame);
        fft.modulus(frame, magnitudes);
        double flux = 0;
        double weightedHz = 0;
        double magnitudeSum = 0;
        for (int bin = 1; bin < magnitudes.length; bin++) {
            double magnitude = magnitudes[bin];
            double log = FastLog.ln((float) (1 + COMPRESSION * magnitude));
            flux += Math.max(0, log - previousLog[bin]);
            previousLog[bin] = log;
            weightedHz += bin * binHz * magnitude;
            magnitudeSum += magnitude;
        }
        double centroidHz = magnitudeSum > 0 ? weightedHz / magnitudeSum : 0;
        boolean onset = onsets.add(flux);
        series.addFrame(hops, hopEnergy / HOP_SAMPLES, centroidHz, magnitudeSum, flux, onset);
        hops++;
    }
}
