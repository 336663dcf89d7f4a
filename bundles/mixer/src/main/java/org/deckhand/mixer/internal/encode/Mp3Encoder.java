package org.deckhand.mixer.internal.encode;

import de.sciss.jump3r.lowlevel.LameEncoder;
import java.io.IOException;
import javax.sound.sampled.AudioFormat;

/**
 * Encodes to constant-bit-rate MP3 (MPEG-1 Layer III, joint stereo) with jump3r, a Java port of LAME 3.98, at LAME's
 * quality 7 ({@code -q 7}): its fast psychoacoustic model, about 30 times real time on one core, which leaves room
 * for the renderer within the stream's budget.
 */
public final class Mp3Encoder implements AudioEncoder {

    /** The bit rates of MPEG-1 Layer III, kbit/s. */
    private static final int[] BIT_RATES_KBPS = {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int BYTES_PER_FRAME = 4;
    /** LAME's advice for its output buffer: 1.25 bytes per sample and 7200 more; a byte per PCM byte is more. */
    private static final int LAME_MARGIN_BYTES = 7200;
    /** LAME's encoder delay, frames: its MDCT's 576 and the 529 of the decoders' synthesis filter bank. */
    private static final int ENCODER_DELAY_FRAMES = 576 + 529;
    private static final int FRAMES_PER_MP3_FRAME = 1152;

    private final LameEncoder lame;
    private final Mp3FrameSplitter splitter = new Mp3FrameSplitter();
    private final byte[] pcm;
    private final byte[] mp3;
    private long inputFrames;

    /**
     * @param sampleRateHz the mix's sample rate: 32000, 44100 or 48000 Hz
     * @param bitRateKbps the constant bit rate, kbit/s; one of MPEG-1 Layer III's rates from 32 to 320
     * @throws IllegalArgumentException if the bit rate is not one of them
     */
    public Mp3Encoder(int sampleRateHz, int bitRateKbps) {
        if (!isBitRate(bitRateKbps)) {
            throw new IllegalArgumentException("MP3 bit rates are 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, "
                    + "224, 256 and 320 kbit/s, not " + bitRateKbps);
        }
        AudioFormat source = new AudioFormat(sampleRateHz, 16, 2, true, false);
        lame = new LameEncoder(source, bitRateKbps, LameEncoder.CHANNEL_MODE_JOINT_STEREO, LameEncoder.QUALITY_LOW,
                false);
        pcm = new byte[lame.getPCMBufferSize()];
        mp3 = new byte[Math.max(lame.getMP3BufferSize(), pcm.length + LAME_MARGIN_BYTES)];
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
        int blockFrames = pcm.length / BYTES_PER_FRAME;
        for (int start = 0; start < frames; start += blockFrames) {
            int count = Math.min(blockFrames, frames - start);
            inputFrames += count;
            SoftLimiter.toPcm16(samples, offset + start, count, pcm);
            int encoded = lame.encodeBuffer(pcm, 0, count * BYTES_PER_FRAME, mp3);
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
        int encoded = lame.encodeFinish(mp3);
        if (encoded > 0) {
            splitter.add(mp3, 0, encoded, sink);
        }
        splitter.flush(sink);
        lame.close();
    }
}
