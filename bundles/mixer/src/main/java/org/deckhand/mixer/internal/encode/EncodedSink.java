package org.deckhand.mixer.internal.encode;

import java.io.IOException;

/** Receives an encoder's output, cut at points where a player may start decoding. */
@FunctionalInterface
public interface EncodedSink {

    /**
     * @param bytes encoded audio that starts at a frame boundary (an MP3 or FLAC frame, a WAV sample frame)
     * @param offset where it starts in {@code bytes}
     * @param length how many bytes
     * @throws IOException if the bytes cannot be written
     */
    void write(byte[] bytes, int offset, int length) throws IOException;
}
