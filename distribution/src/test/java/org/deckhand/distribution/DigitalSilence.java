package org.deckhand.distribution;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the gaps a listener hears in decoded audio: runs of digital silence, frames whose every channel's sample
 * is 0 or ±1 (the last bit of 16-bit audio, -90 dBFS).
 */
final class DigitalSilence {

    private static final int SILENT = 1;

    private DigitalSilence() {
    }

    /**
     * @param pcm raw audio, signed 16-bit little-endian, interleaved stereo
     * @param sampleRateHz its sample rate, in Hz
     * @return the longest run of silent frames, in seconds
     * @throws IOException if the file cannot be read
     */
    static double longestRunSeconds(Path pcm, int sampleRateHz) throws IOException {
        long run = 0;
        long longest = 0;
        byte[] frame = new byte[4];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(pcm), 1 << 16)) {
            while (in.readNBytes(frame, 0, 4) == 4) {
                if (silent(frame, 0) && silent(frame, 2)) {
                    run++;
                    longest = Math.max(longest, run);
                } else {
                    run = 0;
                }
            }
        }
        return longest / (double) sampleRateHz;
    }

    private static boolean silent(byte[] frame, int offset) {
        int sample = (short) ((frame[offset] & 0xff) | (frame[offset + 1] << 8));
        return Math.abs(sample) <= SILENT;
    }
}
