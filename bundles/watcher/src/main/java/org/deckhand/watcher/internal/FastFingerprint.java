package org.deckhand.watcher.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import net.openhft.hashing.LongTupleHashFunction;

/**
 * A fingerprint of a file's content that costs 64 KiB of reading whatever the file's size: the XXH3
 * 128-bit hash (Yann Collet, xxHash specification, XXH3) of the file's size and of sampled blocks, the first and
 * last {@value #EDGE_BYTES} bytes and {@value #MIDDLE_BLOCKS} blocks of {@value #MIDDLE_BYTES} bytes spread evenly
 * between them. Files of at most {@value #WHOLE_FILE_LIMIT} bytes are hashed whole. Two files with the same
 * fingerprint almost surely hold the same content, which is how a moved or renamed file is recognised without
 * reading it whole on a slow NAS disk. Edits are noticed by the file's size and modification time, not by this.
 * Each thread reuses one buffer.
 */
final class FastFingerprint {

    static final int EDGE_BYTES = 16 * 1024;
    static final int MIDDLE_BLOCKS = 8;
    static final int MIDDLE_BYTES = 4 * 1024;
    static final long WHOLE_FILE_LIMIT = 2L * EDGE_BYTES + MIDDLE_BLOCKS * MIDDLE_BYTES;

    private static final LongTupleHashFunction XXH3_128 = LongTupleHashFunction.xx128();
    private static final ThreadLocal<ByteBuffer> BUFFER = ThreadLocal.withInitial(
            () -> ByteBuffer.allocate((int) (Long.BYTES + WHOLE_FILE_LIMIT)));

    private FastFingerprint() {
    }

    /**
     * @param file a regular file
     * @return its fingerprint, 32 lower-case hex digits
     * @throws IOException if the file cannot be read
     */
    static String of(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer sample = BUFFER.get().clear();
            sample.putLong(size);
            if (size <= WHOLE_FILE_LIMIT) {
                readFully(channel, sample, 0, (int) size);
            } else {
                readFully(channel, sample, 0, EDGE_BYTES);
                long middleStart = EDGE_BYTES;
                long middleSpan = size - 2L * EDGE_BYTES - MIDDLE_BYTES;
                for (int block = 0; block < MIDDLE_BLOCKS; block++) {
                    long offset = middleStart + middleSpan * block / (MIDDLE_BLOCKS - 1);
                    readFully(channel, sample, offset, MIDDLE_BYTES);
                }
                readFully(channel, sample, size - EDGE_BYTES, EDGE_BYTES);
            }
            sample.flip();
            long[] hash = XXH3_128.hashBytes(sample);
            HexFormat hex = HexFormat.of();
            return hex.toHexDigits(hash[1]) + hex.toHexDigits(hash[0]);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position, int length)
            throws IOException {
        int limit = into.position() + length;
        ByteBuffer slice = into.duplicate();
        slice.limit(limit);
        long at = position;
        while (slice.hasRemaining()) {
            int read = channel.read(slice, at);
            if (read < 0) {
                throw new IOException("the file shrank while it was read");
            }
            at += read;
        }
        into.position(limit);
    }
}
