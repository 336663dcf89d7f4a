package org.deckhand.mixer.internal.render;

import java.io.Closeable;
import java.io.IOException;

/**
 * A track's audio as the mixer reads it: stereo float samples in [-1, 1] at the mix's sample rate, from the start of
 * the track, block by block. Used by one thread at a time.
 */
public interface PcmSource extends Closeable {

    /**
     * Reads the next frames into {@code into[channel][offset..offset + n)}.
     *
     * @param into two arrays, left and right, each at least {@code offset + maxFrames} long
     * @param offset where in the arrays to write the first frame
     * @param maxFrames the most frames to read, positive
     * @return the frames read, between 1 and {@code maxFrames}, or -1 at the end of the track
     * @throws IOException if the audio cannot be read; the message names the file
     */
    int read(float[][] into, int offset, int maxFrames) throws IOException;
}
