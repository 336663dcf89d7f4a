package org.deckhand.analysers.dsp;

import java.util.Arrays;

/**
 * Cuts a stream of samples, arriving in blocks of any length, into frames of a fixed length that start a fixed hop
 * apart, the first at sample 0: the short-time framing in front of the analysers' spectra. Holds one frame of
 * samples, whatever the length of the stream. Not thread-safe.
 */
public final class OverlappingFrames {

    /** Receives each frame. */
    public interface FrameConsumer {

        /**
         * @param frame the frame's samples, which the consumer may overwrite; reused for the next frame
         */
        void accept(float[] frame);
    }

    private final int frameSamples;
    private final int hopSamples;
    private final FrameConsumer consumer;
    private final float[] pending;
    private final float[] frame;
    private int pendingSamples;
    private int framesEmitted;

    /**
     * @param frameSamples samples per frame
     * @param hopSamples samples from the start of one frame to the start of the next, at most {@code frameSamples}
     * @param consumer receives the frames
     */
    public OverlappingFrames(int frameSamples, int hopSamples, FrameConsumer consumer) {
        if (hopSamples < 1 || hopSamples > frameSamples) {
            throw new IllegalArgumentException("hop must lie in 1.." + frameSamples + ": " + hopSamples);
        }
        this.frameSamples = frameSamples;
        this.hopSamples = hopSamples;
        this.consumer = consumer;
        this.pending = new float[frameSamples];
        this.frame = new float[frameSamples];
    }

    /**
     * @param samples the next samples of the stream
     * @param count how many of them are valid
     */
    public void add(float[] samples, int count) {
        add(samples, 0, count);
    }

    /**
     * @param samples the next samples of the stream, among others
     * @param from index of the first of them
     * @param to index after the last of them
     */
    public void add(float[] samples, int from, int to) {
        int read = from;
        while (read < to) {
            int copied = Math.min(to - read, frameSamples - pendingSamples);
            System.arraycopy(samples, read, pending, pendingSamples, copied);
            pendingSamples += copied;
            read += copied;
            if (pendingSamples == frameSamples) {
                emit();
                System.arraycopy(pending, hopSamples, pending, 0, frameSamples - hopSamples);
                pendingSamples = frameSamples - hopSamples;
            }
        }
    }

    /**
     * Ends the stream. A stream shorter than one frame makes one frame, padded with silence; otherwise the last
     * samples that do not fill a whole hop are left out.
     */
    public void finish() {
        if (framesEmitted == 0 && pendingSamples > 0) {
            Arrays.fill(pending, pendingSamples, frameSamples, 0f);
            emit();
        }
        pendingSamples = 0;
    }

    private void emit() {
        System.arraycopy(pending, 0, frame, 0, frameSamples);
        framesEmitted++;
        consumer.accept(frame);
    }
}
