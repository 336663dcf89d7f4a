package org.deckhand.mixer.internal.encode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes the total length into the STREAMINFO block of a finished FLAC file, which a stream leaves unknown, so that
 * players show the file's duration and can seek. STREAMINFO follows the {@code fLaC} marker and its 4-byte block
 * header; its 36-bit total sample count ends the 8 bytes that start at byte 18 of the file (FLAC format
 * specification, RFC 9639, section 8.2).
 */
public final class FlacStreamInfo {

    private static final int PACKED_FIELDS_OFFSET = 18;
    private static final long TOTAL_SAMPLES_MASK = (1L << 36) - 1;

    private FlacStreamInfo() {
    }

    /**
     * @param file a FLAC file whose STREAMINFO block comes first, as {@link FlacEncoder} writes it
     * @param totalFrames how many frames (samples per channel) it holds
     * @throws IOException if the file cannot be read or written
     */
    public static void writeTotalFrames(Path file, long totalFrames) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer packed = ByteBuffer.allocate(Long.BYTES);
            channel.read(packed, PACKED_FIELDS_OFFSET);
            long fields = packed.flip().getLong();
            fields = (fields & ~TOTAL_SAMPLES_MASK) | (totalFrames & TOTAL_SAMPLES_MASK);
            channel.write(ByteBuffer.allocate(Long.BYTES).putLong(0, fields), PACKED_FIELDS_OFFSET);
        }
    }
}
