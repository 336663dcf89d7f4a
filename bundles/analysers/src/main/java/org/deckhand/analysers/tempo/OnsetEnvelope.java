package org.deckhand.analysers.tempo;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;
import org.deckhand.analysers.dsp.FastLog;
import org.deckhand.analysers.dsp.OverlappingFrames;

/**
 * The onset strength signal of Percival and Tzanetakis (2014), step "onset strength signal": the spectral flux of the
 * log-compressed magnitude spectrum, {@code mean over k of max(0, ln(1 + 1000 |X_n(k)|) - ln(1 + 1000 |X_n-1(k)|))}
 * with {@code |X|} scaled so that a full-scale sine gives 1, computed over 256-sample Hann windows every 128 samples
 * of mono audio at {@link #SAMPLE_RATE_HZ}, so one value every 11.6 ms.
 *
 * <p>Alongside the full-band flux it can keep the flux of the linear magnitude of the lowest bins (up to 172 Hz,
 * where kick drums sound; uncompressed, so that a kick outweighs the low end of a hi-hat), which puts the grid on the
 * kicks and tells downbeats from other beats, and the mean power of every {@link #LEVEL_FRAMES} frames, which tells
 * loud bars from quiet ones. Audio arrives in blocks of any length; only the features are kept, 16 bits each.
 */
final class OnsetEnvelope {

    /** The sample rate the envelope expects, Hz. */
    static final int SAMPLE_RATE_HZ = 11_025;
    /** Samples between two frames. */
    static final int HOP_SAMPLES = 128;
    /** Samples in one spectral frame. */
    static final int WINDOW_SAMPLES = 256;
    /** Frames per second of the envelopes. */
    static final double FRAME_RATE_HZ = SAMPLE_RATE_HZ / (double) HOP_SAMPLES;
    /** Frames averaged into one level value. */
    static final int LEVEL_FRAMES = 4;

    private static final int LOW_BAND_LAST_BIN = 4;
    private static final float COMPRESSION = 1000f;
    private static final float MAX_FLUX = 8f;
    private static final float MAX_LOW_FLUX = 1f;
    private static final float MAGNITUDE_SCALE = 4f / WINDOW_SAMPLES;
    private static final float LEVEL_FLOOR_DB = -120f;

    private final FFT fft = new FFT(WINDOW_SAMPLES, new HannWindow());
    private final OverlappingFrames frames = new OverlappingFrames(WINDOW_SAMPLES, HOP_SAMPLES, this::measure);
    private final float[] previousLogMagnitude = new float[WINDOW_SAMPLES / 2];
    private final float[] previousMagnitude = new float[LOW_BAND_LAST_BIN + 1];
    private final CompactSeries flux = new CompactSeries(MAX_FLUX);
    private final CompactSeries lowFlux;
    private final CompactSeries levelDb;
    private boolean firstFrame = true;
    private double levelPower;
    private int levelCount;

    /**
     * @param withBarFeatures whether to keep the low-band flux and the level as well as the full-band flux
     */
    OnsetEnvelope(boolean withBarFeatures) {
        lowFlux = withBarFeatures ? new CompactSeries(MAX_LOW_FLUX) : null;
        levelDb = withBarFeatures ? new CompactSeries(-LEVEL_FLOOR_DB) : null;
    }

    /**
     * Adds mono samples at {@link #SAMPLE_RATE_HZ}.
     *
     * @param samples the samples, in [-1, 1]
     * @param from index of the first sample to add
     * @param to index after the last
     */
    void add(float[] samples, int from, int to) {
        frames.add(samples, from, to);
    }

    /**
     * Measures a frame, transforming it in place. Its samples new since the previous frame are its last hop, or all of
     * the first frame.
     */
    private void measure(float[] frame) {
        double freshPower = 0;
        int fresh = firstFrame ? WINDOW_SAMPLES : HOP_SAMPLES;
        for (int i = WINDOW_SAMPLES - fresh; i < WINDOW_SAMPLES; i++) {
            freshPower += frame[i] * frame[i];
        }
        firstFrame = false;
        fft.forwardTransform(frame);
        float total = 0;
        float low = 0;
        for (int bin = 1; bin < WINDOW_SAMPLES / 2; bin++) {
            float re = frame[2 * bin];
            float im = frame[2 * bin + 1];
            float magnitude = MAGNITUDE_SCALE * (float) Math.sqrt(re * re + im * im);
            float logMagnitude = FastLog.ln(1 + COMPRESSION * magnitude);
            float rise = logMagnitude - previousLogMagnitude[bin];
            previousLogMagnitude[bin] = logMagnitude;
            if (rise > 0) {
                total += rise;
            }
            if (bin <= LOW_BAND_LAST_BIN) {
                low += Math.max(0, magnitude - previousMagnitude[bin]);
                previousMagnitude[bin] = magnitude;
            }
        }
        flux.add(total / (WINDOW_SAMPLES / 2 - 1));
        if (lowFlux != null) {
            lowFlux.add(low / LOW_BAND_LAST_BIN);
            levelPower += freshPower / fresh;
            if (++levelCount == LEVEL_FRAMES) {
                double db = 10 * Math.log10(levelPower / LEVEL_FRAMES + 1e-12);
                levelDb.add((float) (Math.max(LEVEL_FLOOR_DB, db) - LEVEL_FLOOR_DB));
                levelPower = 0;
                levelCount = 0;
            }
        }
    }

    /** @return the full-band flux, one value per frame; frame {@code n} ends at sample {@code 256 + 128 n} */
    float[] flux() {
        return flux.toArray();
    }

    /** @return the low-band flux, one value per frame, or null if not kept */
    float[] lowFlux() {
        return lowFlux == null ? null : lowFlux.toArray();
    }

    /** @return the level above -120 dBFS (dB), one value per {@link #LEVEL_FRAMES} frames, or null if not kept */
    float[] levelAboveFloorDb() {
        return levelDb == null ? null : levelDb.toArray();
    }
}
