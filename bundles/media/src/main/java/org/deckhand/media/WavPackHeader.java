package org.deckhand.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the first block header of a WavPack file ({@code wvpk}; WavPack 4 and 5 file format specification, section
 * "Block Header"): the total samples and the flags word, which carries the bytes per sample, mono, hybrid (lossy)
 * mode, initial and final block, and the sample rate index. All numbers are little-endian.
 */
public final class WavPackHeader {

    /** Bytes of the block header. */
    public static final int BYTES = 32;
    private static final int[] RATES_HZ = {6000, 8000, 9600, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000,
        64000, 88200, 96000, 192000};
    private static final long MONO = 0x4;
    private static final long HYBRID = 0x8;
    private static final long INITIAL_AND_FINAL_BLOCK = 0x1800;
    private static final long UNKNOWN_SAMPLES = 0xFFFF_FFFFL;

    private WavPackHeader() {
    }

    /**
     * @param bytes the file's first bytes, at least {@link #BYTES}
     * @return the declared audio facts; duration {@code NaN} and counts 0 where the header does not say (the channel
     *     count of a multichannel file, which only its later blocks tell)
     */
    public static StreamHeader parse(byte[] bytes) {
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long totalSamples = Integer.toUnsignedLong(header.getInt(12));
        long flags = Integer.toUnsignedLong(header.getInt(24));
        int rateIndex = (int) ((flags >> 23) & 0xF);
        int sampleRate = rateIndex < RATES_HZ.length ? RATES_HZ[rateIndex] : 0;
        int bits = (int) ((flags & 0x3) + 1) * 8;
        boolean singleBlock = (flags & INITIAL_AND_FINAL_BLOCK) == INITIAL_AND_FINAL_BLOCK;
        int channels = (flags & MONO) != 0 ? 1 : singleBlock ? 2 : 0;
        boolean lossless = (flags & HYBRID) == 0;
        double duration = sampleRate == 0 || totalSamples == UNKNOWN_SAMPLES ? Double.NaN
                : totalSamples / (double) sampleRate;
        return new StreamHeader("wavpack", duration, sampleRate, lossless ? bits : 0, channels, lossless);
    }
}
