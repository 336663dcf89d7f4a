package org.deckhand.decoder.internal;

import javazoom.jl.decoder.Obuffer;

/**
 * Receives JLayer's synthesised samples as floats, per channel, before JLayer would round them to 16 bits. JLayer
 * scales its output to 32,700 at full scale (its {@code Decoder}); this buffer scales it back to 1.
 */
final class FloatOutputBuffer extends Obuffer {

    private static final float FULL_SCALE = 32_700f;
    private static final float TO_UNIT = 1f / FULL_SCALE;

    private final float[][] samples = new float[2][1152];
    private final int[] counts = new int[2];

    @Override
    public void append(int channel, short value) {
        samples[channel][counts[channel]++] = value * TO_UNIT;
    }

    @Override
    public void appendSamples(int channel, float[] f) {
        float[] out = samples[channel];
        int at = counts[channel];
        for (int i = 0; i < f.length; i++) {
            out[at + i] = f[i] * TO_UNIT;
        }
        counts[channel] = at + f.length;
    }

    /**
     * @return one array per channel holding the last frame's samples
     */
    float[][] samples() {
        return samples;
    }

    /**
     * @return the samples per channel of the last frame
     */
    int frames() {
        return counts[0];
    }

    @Override
    public void write_buffer(int val) {
        // the samples stay here until the next frame
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public void clear_buffer() {
        counts[0] = 0;
        counts[1] = 0;
    }

    @Override
    public void set_stop_flag() {
        // decoding is driven frame by frame; there is nothing to stop
    }
}
