package org.deckhand.tags.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.deckhand.api.library.AudioProperties;

/**
 * Reads the stream headers of the lossless formats JAudioTagger does not support, for their audio facts: Monkey's
 * Audio ({@code MAC }, APE_DESCRIPTOR and APE_HEADER of the Monkey's Audio SDK, and the older header before version
 * 3.98) and WavPack ({@code wvpk} block header, WavPack 4 and 5 file format specification).
 */
final class NativeHeaders {

    private static final int HEADER_BYTES = 128;
    private static final int[] WAVPACK_RATES = {6000, 8000, 9600, 11025, 12000, 16000, 22050, 24000, 32000, 44100,
        48000, 64000, 88200, 96000, 192000};
    private static final long WAVPACK_MONO = 0x4;
    private static final long WAVPACK_HYBRID = 0x8;
    private static final long WAVPACK_INITIAL_AND_FINAL_BLOCK = 0x1800;

    private NativeHeaders() {
    }

    /**
     * @param format {@link AudioFormat#APE} or {@link AudioFormat#WV}
     * @param file the file
     * @return the audio facts; duration {@code NaN} and counts 0 where the header does not say
     * @throws IOException if the file cannot be read or its header is incomplete
     */
    static AudioProperties read(AudioFormat format, Path file) throws IOException {
        byte[] bytes;
        long size;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            size = channel.size();
            bytes = Bytes.readUpTo(channel, 0, HEADER_BYTES);
        }
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 32) {
            throw new EOFException("the " + format.displayName() + " header is incomplete");
        }
        return format == AudioFormat.APE ? ape(header, size) : wavPack(header, size);
    }

    private static AudioProperties ape(ByteBuffer header, long size) {
        int version = Short.toUnsignedInt(header.getShort(4));
        long blocksPerFrame;
        long finalFrameBlocks;
        long totalFrames;
        int bits;
        int channels;
        long sampleRate;
        if (version >= 3980) {
            int at = header.getInt(8);
            if (at < 0 || at > header.limit() - 24) {
                return unknownApe();
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
            return unknownApe();
        }
        double duration = ((totalFrames - 1) * blocksPerFrame + finalFrameBlocks) / (double) sampleRate;
        return new AudioProperties("ape", duration, bitrate(size, duration), (int) sampleRate, bits, channels, true);
    }

    private static AudioProperties wavPack(ByteBuffer header, long size) {
        long totalSamples = Integer.toUnsignedLong(header.getInt(12));
        long flags = Integer.toUnsignedLong(header.getInt(24));
        int rateIndex = (int) ((flags >> 23) & 0xF);
        int sampleRate = rateIndex < WAVPACK_RATES.length ? WAVPACK_RATES[rateIndex] : 0;
        int bits = (int) ((flags & 0x3) + 1) * 8;
        boolean singleBlock = (flags & WAVPACK_INITIAL_AND_FINAL_BLOCK) == WAVPACK_INITIAL_AND_FINAL_BLOCK;
        int channels = (flags & WAVPACK_MONO) != 0 ? 1 : singleBlock ? 2 : 0;
        boolean lossless = (flags & WAVPACK_HYBRID) == 0;
        double duration = sampleRate == 0 || totalSamples == 0xFFFF_FFFFL ? Double.NaN
                : totalSamples / (double) sampleRate;
        return new AudioProperties("wavpack", duration, bitrate(size, duration), sampleRate, lossless ? bits : 0,
                channels, lossless);
    }

    private static AudioProperties unknownApe() {
        return new AudioProperties("ape", Double.NaN, 0, 0, 0, 0, true);
    }

    private static int bitrate(long size, double duration) {
        return duration > 0 ? (int) Math.round(size * 8 / duration / 1000) : 0;
    }
}
