package org.deckhand.api.analysis;

/**
 * A block of decoded audio. The arrays are reused by the pipeline for the next block: read them during
 * {@link Analysis#process} only.
 *
 * @param samples the samples, {@code samples[channel][frame]}, floats in [-1, 1] (beyond it where a lossy encoder
 *     overshot, for an analyser whose {@link AnalyserDescriptor#unclipped() descriptor} asks for it); each array may
 *     be longer than {@code frames}
 * @param frames how many frames (samples per channel) of each array are valid
 * @param startFrame index of the block's first frame from the start of the track, so that its time in seconds is
 *     {@code startFrame / sampleRateHz}
 */
public record PcmBlock(float[][] samples, int frames, long startFrame) {

    /**
     * @throws IllegalArgumentException if {@code frames} is negative or longer than a channel's array, or
     *     {@code startFrame} is negative
     */
    public PcmBlock {
        if (frames < 0 || startFrame < 0) {
            throw new IllegalArgumentException("frames and startFrame must not be negative");
        }
        for (float[] channel : samples) {
            if (channel.length < frames) {
                throw new IllegalArgumentException("a channel holds " + channel.length + " samples, fewer than "
                        + frames + " frames");
            }
        }
    }
}
