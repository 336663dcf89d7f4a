package org.deckhand.tags.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Small helpers to read and compare the bytes of file headers.
 */
final class Bytes {

    private Bytes() {
    }

    /**
     * @return up to {@code length} bytes from {@code position}; fewer when the file ends first
     * @throws IOException if the file cannot be read
     */
    static byte[] readUpTo(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        int read = 0;
        while (buffer.hasRemaining() && read >= 0) {
            read = channel.read(buffer, position + buffer.position());
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** @return whether {@code bytes} hold the ASCII text {@code ascii} at {@code offset} */
    static boolean startsWith(byte[] bytes, int offset, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.ISO_8859_1);
        return offset >= 0 && bytes.length >= offset + expected.length
                && Arrays.equals(bytes, offset, offset + expected.length, expected, 0, expected.length);
    }
}
