package org.deckhand.mixer.internal.stream;

import java.io.IOException;
import org.deckhand.mixer.internal.encode.AudioEncoder;

/** Creates the encoder for a format and bit rate. */
@FunctionalInterface
public interface EncoderFactory {

    /**
     * @param key the format and bit rate
     * @return a new encoder
     * @throws IOException if the encoder cannot be created
     */
    AudioEncoder create(StreamKey key) throws IOException;
}
