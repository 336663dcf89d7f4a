package org.deckhand.cue.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The length of a 16-bit stereo WAV file's {@code data} chunk, read from its RIFF chunk headers. */
final class WavData {

    private WavData() {
    }

    /**
     * @param wav a 16-bit stereo WAV file
     * @return its samples per channel
     * @throws IOException if it cannot be read or has no data chunk
     */
    static long samples(Path wav) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(wav.toFile(), "r")) {
            long position = 12;
            byte[] header = new byte[8];
            while (position + 8 <= file.length()) {
                file.seek(position);
                file.readFully(header);
                long size = (header[4] & 0xFFL) | (header[5] & 0xFFL) << 8 | (header[6] & 0xFFL) << 16
                        | (header[7] & 0xFFL) << 24;
                if (new String(header, 0, 4, StandardCharsets.US_ASCII).equals("data")) {
                    return size / 4;
                }
                position += 8 + size + (size & 1);
            }
        }
        throw new IOException(wav + " has no data chunk");
    }
}
