package org.deckhand.mixer.internal.encode;

import de.sciss.jump3r.mp3.Lame;
import de.sciss.jump3r.mp3.LameGlobalFlags;
import java.io.IOException;

/**
 * Encodes to constant-bit-rate MP3 (MPEG-1 Layer III, joint stereo) with jump3r, a Java port of LAME 3.98, at LAME's
 * quality 7 ({@code -q 7}): its fast psychoacoustic model, which leaves room for the renderer within the stream's
 * budget. The samples go to LAME as 32-bit integers (16-bit values, soft-limited, in the high half), without LAME's
 * ReplayGain analysis (see {@link LameModules}).
 */
public final class Mp3Encoder implements AudioEncoder {

    /** The bit rates of MPEG-1 Layer III, kbit/s. */
    private static final int[] BIT_RATES_KBPS = {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    /** LAME's quality setting: 7, its fast psychoacoustic model ({@code -q 7}). */
    private static final int LAME_QUALITY = 7;
    private static final int BLOCK_FRAMES = 4096;
    /** LAME's advice for its output buffer: 1.25 bytes per frame and 7200 more. */
    private static final int LAME_MARGIN_BYTES = 7200;
    /** LAME's encoder delay, frames: its MDCT's 576 and the 529 of the decoders' synthesis filter bank. */
    private static final int ENCODER_DELAY_FRAMES = 576 + 529;
    private static final int FRAMES_PER_MP3_FRAME = 1152;

    private final Lame lame;
    private final LameGlobalFlags flags;
    private final Mp3FrameSplitter splitter = new Mp3FrameSplitter();
    private final int[] left = new int[BLOCK_FRAMES];
    private final int[] right = new int[BLOCK_FRAMES];
    private final byte[] mp3 = new byte[BLOCK_FRAMES * 5 / 4 + LAME_MARGIN_BYTES];
    private long inputFrames;

    /**
     * @param sampleRateHz the mix's sample rate: 32000, 44100 or 48000 Hz
     * @param bitRateKbps the constant bit rate, kbit/s; one of MPEG-1 Layer III's rates from 32 to 320
     * @throws IllegalArgumentException if the bit rate is not one of them, or LAME refuses the settings
     */
    public Mp3Encoder(int sampleRateHz, int bitRateKbps) {
        if (!isBitRate(bitRateKbps)) {
            throw new IllegalArgumentException("MP3 bit rates are 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, "
                    + "224, 256 and 320 kbit/s, not " + bitRateKbps);
        }
        LameModules modules = new LameModules();
        lame = modules.lame();
        flags = modules.jointStereoCbr(sampleRateHz, bitRateKbps, LAME_QUALITY);
    }

    /**
     * @param bitRateKbps a bit rate, kbit/s
     * @return whether MPEG-1 Layer III has it
     */
    public static boolean isBitRate(int bitRateKbps) {
        for (int rate : BIT_RATES_KBPS) {
            if (rate == bitRateKbps) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param kbps a bit rate asked for, kbit/s
     * @return the highest of MPEG-1 Layer III's bit rates at or below it, or the lowest, 32, below that
     */
    public static int nearestBitRate(int kbps) {
        int nearest = BIT_RATES_KBPS[0];
        for (int rate : BIT_RATES_KBPS) {
            if (rate <= kbps) {
                nearest = rate;
            }
        }
        return nearest;
    }

    @Override
    public StreamFormat format() {
        return StreamFormat.MP3;
    }

    @Override
    public byte[] header() {
        return new byte[0];
    }

    @Override
    public void encode(float[][] samples, int offset, int frames, EncodedSink sink) throws IOException {
        float[] leftIn = samples[0];
        float[] rightIn = samples[1];
        int[] leftOut = left;
        int[] rightOut = right;
        for (int start = 0; start < frames; start += BLOCK_FRAMES) {
            int count = Math.min(BLOCK_FRAMES, frames - start);
            int from = offset + start;
            for (int i = 0; i < count; i++) {
                leftOut[i] = SoftLimiter.quantise(leftIn[from + i]) << 16;
                rightOut[i] = SoftLimiter.quantise(rightIn[from + i]) << 16;
            }
            inputFrames += count;
            int encoded = lame.lame_encode_buffer_int(flags, leftOut, rightOut, count, mp3, 0, mp3.length);
            if (encoded < 0) {
                throw new IOException("the MP3 encoder failed with LAME error " + encoded);
            }
            splitter.add(mp3, 0, encoded, sink);
        }
    }

    /**
     * Flushes LAME, and keeps only the MP3 frames that hold some of the input: LAME pads the end with a whole frame
     * more than the input and its delay need, 26 ms that a decoder would play as silence.
     */
    @Override
    public void finish(EncodedSink sink) throws IOException {
        splitter.limitFrames((inputFrames + ENCODER_DELAY_FRAMES + FRAMES_PER_MP3_FRAME - 1) / FRAMES_PER_MP3_FRAME);
        int encoded = lame.lame_encode_flush(flags, mp3, 0, mp3.length);
        if (encoded > 0) {
            splitter.add(mp3, 0, encoded, sink);
        }
        splitter.flush(sink);
        lame.lame_close(flags);
    }
}
