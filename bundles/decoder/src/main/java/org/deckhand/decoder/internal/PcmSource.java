package org.deckhand.decoder.internal;

import java.io.Closeable;
import java.io.IOException;

/**
 * One decoder at work on one file: decodes it block by block (a codec frame, a FLAC block, a few thousand PCM frames)
 * into arrays it owns and reuses. {@link DecodedStream} turns the blocks into the {@link
 * org.deckhand.api.audio.DecodedAudio} contract: slicing, gapless trimming, downmixing and clamping.
 */
interface PcmSource extends Closeable {

    /**
     * @return the decoded audio's sample rate, Hz
     */
    int sampleRateHz();

    /**
     * @return the order of the decoded channels, one speaker per channel
     */
    Speaker[] speakers();

    /**
     * @return the decoder's name for diagnostics, such as {@code jflac}
     */
    String decoderName();

    /**
     * Decodes the next block into {@link #block()}.
     *
     * @return the frames decoded, 0 or more, or -1 at the end of the audio
     * @throws IOException if the audio is corrupt beyond what the decoder skips; the message names the file
     */
    int decodeBlock() throws IOException;

    /**
     * @return one array per channel of {@link #speakers()} holding the last block's samples in [-1, 1] (lossy codecs
     *     may overshoot slightly), valid from index 0 to the count {@link #decodeBlock()} returned
     */
    float[][] block();

    /**
     * @return whether every sample of {@link #block()} lies in [-1, 1] by construction (integer PCM scaled by its full
     *     scale), so that it need not be clamped; false for lossy codecs and floating-point PCM, which may overshoot
     */
    default boolean staysInUnitRange() {
        return false;
    }

    /**
     * @return decoded frames to drop at the start: encoder delay and priming that the file's header declares
     */
    default long leadingFramesToDrop() {
        return 0;
    }

    /**
     * @return the frames the file declares to hold after {@link #leadingFramesToDrop()} (end padding excluded), or -1
     *     when it declares none
     */
    default long declaredFrames() {
        return -1;
    }

    /**
     * Waits until the decoder has stopped reading the file (a decoder that reads it on another thread finishes
     * there), so that the digest can take the rest.
     *
     * @throws IOException if waiting is interrupted
     */
    default void finishReading() throws IOException {
    }

    /** Stops decoding and frees what the decoder holds; the file itself is closed by the caller. */
    @Override
    void close();
}
