package org.deckhand.mixer.internal.encode;

import java.io.IOException;

/**
 * Encodes the mix's stereo float PCM, block by block, after a {@link SoftLimiter}. Not thread-safe.
 */
public interface AudioEncoder {

    /** @return the format it encodes to */
    StreamFormat format();

    /**
     * @return what a player must receive before the first frame it decodes: the WAV header or the FLAC stream
     *     header; empty for MP3, whose frames stand alone
     */
    byte[] header();

    /**
     * Encodes frames; the encoder may hold some of them back until the next call.
     *
     * @param pcm left and right samples, nominally in [-1, 1]; louder samples are limited
     * @param offset the first frame to encode
     * @param frames how many frames
     * @param sink receives the encoded bytes, cut at frame boundaries
     * @throws IOException if the sink fails
     */
    void encode(float[][] pcm, int offset, int frames, EncodedSink sink) throws IOException;

    /**
     * Encodes what the encoder still holds and ends the stream; the encoder is unusable afterwards.
     *
     * @param sink receives the last bytes
     * @throws IOException if the sink fails
     */
    void finish(EncodedSink sink) throws IOException;
}
