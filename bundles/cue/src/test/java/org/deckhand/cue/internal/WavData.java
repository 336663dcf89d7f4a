package org.deckhand.cue.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** The length of a 16-bit stereo WAV file's {@code data} chunk, read from its RIFF chunks. */
final class WavData {

    private WavData() {
    }

    /**
     * @param wav a 16-bit stereo WAV file
     * @return its samples per channel
     * @throws IOException if it cannot be read or has no data chunk
     */
    static long samples(Path wav) throws IOException {
        byte[] bytes = Files.readAllBytes(wav);
        ByteBuffer riff = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int position = 12;
        while (position + 8 <= bytes.length) {
            String id = new String(bytes, position, 4, java.nio.charset.StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(riff.getInt(position + 4));
            if (id.equals("data")) {
                return size / 4;
            }
            position += 8 + (int) size + (int) (size & 1);
        }
        throw new IOException(wav + " has no data chunk");
    }
}
