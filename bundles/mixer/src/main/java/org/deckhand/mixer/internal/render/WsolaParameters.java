package org.deckhand.mixer.internal.render;

/**
 * The lengths that shape a WSOLA time-stretch (waveform-similarity-based overlap-add; W. Verhelst and M. Roelands,
 * ICASSP 1993), in frames at the mix's sample rate.
 *
 * @param sequenceFrames the length of each piece of the input that is copied to the output, overlap included
 * @param seekFrames how far the search for the most similar continuation reaches
 * @param overlapFrames how long two consecutive pieces are crossfaded
 * @param quickSeek whether the search for the continuation goes coarse to fine (as SoundTouch's
 *     {@code SETTING_USE_QUICKSEEK}) rather than scoring every splice point; see {@link SpliceSearch}
 */
public record WsolaParameters(int sequenceFrames, int seekFrames, int overlapFrames, boolean quickSeek) {

    /**
     * @throws IllegalArgumentException if the overlap is shorter than 2 frames, the sequence not longer than two
     *     overlaps, or the seek window shorter than 2 frames
     */
    public WsolaParameters {
        if (overlapFrames < 2 || sequenceFrames <= 2 * overlapFrames || seekFrames < 2) {
            throw new IllegalArgumentException("WSOLA needs overlap >= 2, sequence > 2 x overlap and seek >= 2 frames: "
                    + sequenceFrames + ", " + seekFrames + ", " + overlapFrames);
        }
    }

    /**
     * TarsosDSP's {@code WaveformSimilarityBasedOverlapAdd.Parameters.musicDefaults}, from SoundTouch: sequences of
     * 82 ms, a seek window of 28 ms and overlaps of 12 ms; with the quick, coarse-to-fine search.
     *
     * @param sampleRateHz the mix's sample rate, Hz
     * @return the lengths in frames at that rate
     */
    public static WsolaParameters music(int sampleRateHz) {
        return new WsolaParameters(frames(82, sampleRateHz), frames(28, sampleRateHz), frames(12, sampleRateHz),
                true);
    }

    /**
     * @param quick whether the search for the continuation goes coarse to fine
     * @return these lengths with that search
     */
    public WsolaParameters withQuickSeek(boolean quick) {
        return new WsolaParameters(sequenceFrames, seekFrames, overlapFrames, quick);
    }

    private static int frames(int milliseconds, int sampleRateHz) {
        return (int) ((double) sampleRateHz * milliseconds / 1000);
    }

    /** @return how many output frames each sequence adds: the sequence less one overlap */
    public int stepFrames() {
        return sequenceFrames - overlapFrames;
    }

    /** @return how far before its nominal position the search for a continuation starts: half the seek window */
    public int lookBehindFrames() {
        return seekFrames / 2;
    }
}
