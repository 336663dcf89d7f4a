package org.deckhand.mixer.internal.stream;

/**
 * The last few seconds of a rendered mix, stereo float PCM, addressed by the mix's frame number: a new encoder starts
 * from the frame the listeners hear now, which the render has passed. Written and read by the render thread alone.
 */
final class PcmRing {

    private final float[][] samples;
    private long head;

    /** @param capacityFrames how many of the latest frames it keeps */
    PcmRing(int capacityFrames) {
        samples = new float[2][capacityFrames];
    }

    /** @return the frame after the last one written: how many the mix has rendered */
    long head() {
        return head;
    }

    /** @return the oldest frame it still holds */
    long tail() {
        return Math.max(0, head - samples[0].length);
    }

    /**
     * @param block left and right samples
     * @param frames how many frames of them to append
     */
    void append(float[][] block, int frames) {
        int capacity = samples[0].length;
        for (int done = 0; done < frames;) {
            int at = (int) (head % capacity);
            int count = Math.min(frames - done, capacity - at);
            System.arraycopy(block[0], done, samples[0], at, count);
            System.arraycopy(block[1], done, samples[1], at, count);
            done += count;
            head += count;
        }
    }

    /**
     * Copies frames out.
     *
     * @param from the first frame, at least {@link #tail()}
     * @param frames how many, ending at or before {@link #head()}
     * @param into left and right arrays of at least {@code frames}
     */
    void copy(long from, int frames, float[][] into) {
        int capacity = samples[0].length;
        for (int done = 0; done < frames;) {
            int at = (int) ((from + done) % capacity);
            int count = Math.min(frames - done, capacity - at);
            System.arraycopy(samples[0], at, into[0], done, count);
            System.arraycopy(samples[1], at, into[1], done, count);
            done += count;
        }
    }

    /**
     * Writes over frames it holds, such as the frames of a skip's crossfade.
     *
     * @param from the first frame, at least {@link #tail()}
     * @param frames how many, ending at or before {@link #head()}
     * @param block left and right arrays of at least {@code frames}
     */
    void overwrite(long from, int frames, float[][] block) {
        int capacity = samples[0].length;
        for (int done = 0; done < frames;) {
            int at = (int) ((from + done) % capacity);
            int count = Math.min(frames - done, capacity - at);
            System.arraycopy(block[0], done, samples[0], at, count);
            System.arraycopy(block[1], done, samples[1], at, count);
            done += count;
        }
    }
}
