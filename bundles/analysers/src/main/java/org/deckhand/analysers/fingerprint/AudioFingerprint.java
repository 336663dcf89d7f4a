package org.deckhand.analysers.fingerprint;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;
import java.util.HexFormat;
import java.util.Map;
import org.deckhand.api.analysis.AnalyserDescriptor;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.analysis.PcmBlock;

/**
 * The fingerprint of one track (Haitsma and Kalker, ISMIR 2002, section 4.2): mono at {@value #SAMPLE_RATE_HZ} Hz,
 * cut into Hann-windowed frames of {@value #FRAME_SAMPLES} samples (0.37 s), back to back, from the first window of
 * {@value #ONSET_SAMPLES} samples (23 ms) whose RMS level reaches -45 dBFS, so that copies whose encoders added
 * different delays, silences or clicks line up; each frame's spectrum summed in 33 bands spaced logarithmically from
 * 300 to 2,000 Hz, and bit {@code m} of frame {@code n} set when
 * {@code E(n,m) - E(n,m+1) - (E(n-1,m) - E(n-1,m+1)) > 0}. The result, field {@value #FIELD}, is one 32-bit word per
 * frame from the second, up to {@value #FRAMES}, as 8 hex digits each (bit 0 of the word is band 0), so at most 30 s
 * of audio in 640 characters. Lossy encodings of one recording differ in about 10 % of the bits, different
 * recordings in about half.
 */
final class AudioFingerprint implements Analysis {

    /** The result's field. */
    static final String FIELD = "audio";
    /** The sample rate the fingerprint is taken at, in Hz. */
    static final int SAMPLE_RATE_HZ = 11_025;
    /** The most words a fingerprint holds. */
    static final int FRAMES = 80;
    /** Samples per frame. */
    static final int FRAME_SAMPLES = 4096;
    /** Samples per window in which the first sound is looked for. */
    static final int ONSET_SAMPLES = 256;
    /** The mean square of a window from which the audio counts as sound: an RMS level of -45 dBFS. */
    private static final double SOUND_MEAN_SQUARE = Math.pow(10, -45 / 10.0);

    private static final int BANDS = 33;
    private static final double LOWEST_HZ = 300;
    private static final double HIGHEST_HZ = 2000;

    private final AnalyserDescriptor descriptor;
    private final FFT fft = new FFT(FRAME_SAMPLES, new HannWindow());
    private final float[] frame = new float[FRAME_SAMPLES];
    private final float[] onsetWindow = new float[ONSET_SAMPLES];
    private int onsetFilled;
    private final float[] magnitudes = new float[FRAME_SAMPLES / 2];
    private final int[] bandEdges = new int[BANDS + 1];
    private final double[] previous = new double[BANDS];
    private final double[] current = new double[BANDS];
    private final int[] words = new int[FRAMES];
    private int filled;
    private int frames;
    private boolean sounding;

    AudioFingerprint(AnalyserDescriptor descriptor) {
        this.descriptor = descriptor;
        double binHz = (double) SAMPLE_RATE_HZ / FRAME_SAMPLES;
        for (int band = 0; band <= BANDS; band++) {
            double hz = LOWEST_HZ * Math.pow(HIGHEST_HZ / LOWEST_HZ, (double) band / BANDS);
            bandEdges[band] = (int) Math.round(hz / binHz);
        }
    }

    @Override
    public void process(PcmBlock block) {
        float[] samples = block.samples()[0];
        for (int i = 0; i < block.frames() && frames <= FRAMES; i++) {
            if (sounding) {
                add(samples[i]);
                continue;
            }
            onsetWindow[onsetFilled++] = samples[i];
            if (onsetFilled == ONSET_SAMPLES) {
                double squares = 0;
                for (float sample : onsetWindow) {
                    squares += sample * sample;
                }
                onsetFilled = 0;
                if (squares / ONSET_SAMPLES >= SOUND_MEAN_SQUARE) {
                    sounding = true;
                    for (float sample : onsetWindow) {
                        add(sample);
                    }
                }
            }
        }
    }

    private void add(float sample) {
        frame[filled++] = sample;
        if (filled == FRAME_SAMPLES) {
            measure();
            filled = 0;
        }
    }

    private void measure() {
        fft.forwardTransform(frame);
        fft.modulus(frame, magnitudes);
        for (int band = 0; band < BANDS; band++) {
            double energy = 0;
            for (int bin = bandEdges[band]; bin < bandEdges[band + 1]; bin++) {
                energy += (double) magnitudes[bin] * magnitudes[bin];
            }
            current[band] = energy;
        }
        if (frames > 0) {
            int word = 0;
            for (int band = 0; band < BANDS - 1; band++) {
                double difference = current[band] - current[band + 1] - (previous[band] - previous[band + 1]);
                if (difference > 0) {
                    word |= 1 << band;
                }
            }
            words[frames - 1] = word;
        }
        System.arraycopy(current, 0, previous, 0, BANDS);
        frames++;
    }

    @Override
    public AnalysisResult finish() throws AnalysisException {
        int count = Math.min(frames - 1, FRAMES);
        if (count < 1) {
            throw new AnalysisException("The track holds less than 0.75 s of sound, too little for a fingerprint.");
        }
        StringBuilder hex = new StringBuilder(count * 8);
        HexFormat format = HexFormat.of();
        for (int i = 0; i < count; i++) {
            hex.append(format.toHexDigits(words[i]));
        }
        return new AnalysisResult(descriptor.id(), descriptor.version(), Map.of(FIELD, hex.toString()));
    }
}
