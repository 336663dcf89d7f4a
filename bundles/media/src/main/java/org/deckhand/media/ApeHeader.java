package org.deckhand.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the stream header of a Monkey's Audio file ({@code MAC }): from version 3.98 the APE_DESCRIPTOR, whose
 * descriptor length points at the APE_HEADER (blocks per frame, final frame blocks, total frames, bits per sample,
 * channels, sample rate), and before it the older single header, whose blocks per frame follow from the version and
 * compression level (Monkey's Audio SDK, {@code MACLib.h} and {@code APEInfo.cpp}). All numbers are little-endian.
 */
public final class ApeHeader {

    /** Bytes of the file's start that hold either header. */
    public static final int BYTES = 128;
    private static final int DESCRIPTOR_VERSION = 3980;

    private ApeHeader() {
    }

    /**
     * @param bytes the file's first bytes, up to {@link #BYTES}, at least 32
     * @return the declared audio facts; duration {@code NaN} and counts 0 where the header does not say
     */
    public static StreamHeader parse(byte[] bytes) {
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int version = Short.toUnsignedInt(header.getShort(4));
        long blocksPerFrame;
        long finalFrameBlocks;
        long totalFrames;
        int bits;
        int channels;
        long sampleRate;
        if (version >= DESCRIPTOR_VERSION) {
            int at = header.getInt(8);
            if (at < 0 || at > header.limit() - 24) {
                return unknown();
            }
            blocksPerFrame = Integer.toUnsignedLong(header.getInt(at + 4));
            finalFrameBlocks = Integer.toUnsignedLong(header.getInt(at + 8));
            totalFrames = Integer.toUnsignedLong(header.getInt(at + 12));
            bits = Short.toUnsignedInt(header.getShort(at + 16));
            channels = Short.toUnsignedInt(header.getShort(at + 18));
            sampleRate = Integer.toUnsignedLong(header.getInt(at + 20));
        } else {
            int compression = Short.toUnsignedInt(header.getShort(6));
            int flags = Short.toUnsignedInt(header.getShort(8));
            channels = Short.toUnsignedInt(header.getShort(10));
            sampleRate = Integer.toUnsignedLong(header.getInt(12));
            totalFrames = Integer.toUnsignedLong(header.getInt(24));
            finalFrameBlocks = Integer.toUnsignedLong(header.getInt(28));
            bits = (flags & 0x1) != 0 ? 8 : (flags & 0x8) != 0 ? 24 : 16;
            boolean large = version >= 3900 || (version >= 3800 && compression == 4000);
            blocksPerFrame = version >= 3950 ? 73_728 * 4 : large ? 73_728 : 9_216;
        }
        if (sampleRate == 0 || totalFrames == 0) {
            return unknown();
        }
        double duration = ((totalFrames - 1) * blocksPerFrame + finalFrameBlocks) / (double) sampleRate;
        return new StreamHeader("ape", duration, (int) sampleRate, bits, channels, true);
    }

    private static StreamHeader unknown() {
        return new StreamHeader("ape", Double.NaN, 0, 0, 0, true);
    }
}
