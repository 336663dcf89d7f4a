package org.deckhand.mixer.internal.testing;

import java.util.Arrays;

/** Stereo audio gathered block by block, however long it grows. */
public final class StereoBuffer {

    private float[][] samples = new float[2][1 << 16];
    private int frames;

    /**
     * @param block a block, left and right
     * @param count how many frames of it to keep, from index 0
     */
    public void append(float[][] block, int count) {
        if (frames + count > samples[0].length) {
            int capacity = Math.max(2 * samples[0].length, frames + count);
            samples = new float[][] {Arrays.copyOf(samples[0], capacity), Arrays.copyOf(samples[1], capacity)};
        }
        System.arraycopy(block[0], 0, samples[0], frames, count);
        System.arraycopy(block[1], 0, samples[1], frames, count);
        frames += count;
    }

    /** @return the audio gathered, left and right, each exactly as long as it */
    public float[][] toArrays() {
        return new float[][] {Arrays.copyOf(samples[0], frames), Arrays.copyOf(samples[1], frames)};
    }
}
