package org.deckhand.mixer.internal.encode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Encodes to 16-bit stereo PCM in a RIFF WAVE stream. A stream has no known end, so its header gives the largest
 * lengths a RIFF file can hold (about 6 hours 45 minutes at 44.1 kHz), which players read as "until the connection
 * ends".
 */
public final class WavEncoder implements AudioEncoder {

    private static final int HEADER_BYTES = 44;
    private static final int BYTES_PER_FRAME = 4;
    private static final long LARGEST_RIFF_SIZE = 0xFFFF_FFFFL;

    private final byte[] header;
    private byte[] buffer = new byte[0];

    /** @param sampleRateHz the mix's sample rate, Hz */
    public WavEncoder(int sampleRateHz) {
        header = header(sampleRateHz);
    }

    private static byte[] header(int sampleRateHz) {
        ByteBuffer bytes = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) LARGEST_RIFF_SIZE);
        bytes.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        bytes.putShort((short) 1).putShort((short) 2).putInt(sampleRateHz).putInt(sampleRateHz * BYTES_PER_FRAME);
        bytes.putShort((short) BYTES_PER_FRAME).putShort((short) 16);
        bytes.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) (LARGEST_RIFF_SIZE - 36));
        return bytes.array();
    }

    @Override
    public StreamFormat format() {
        return StreamFormat.WAV;
    }

    @Override
    public byte[] header() {
        return header.clone();
    }

    @Override
    public void encode(float[][] pcm, int offset, int frames, EncodedSink sink) throws IOException {
        if (buffer.length < frames * BYTES_PER_FRAME) {
            buffer = new byte[frames * BYTES_PER_FRAME];
        }
        SoftLimiter.toPcm16(pcm, offset, frames, buffer);
        sink.write(buffer, 0, frames * BYTES_PER_FRAME);
    }

    @Override
    public void finish(EncodedSink sink) {
        buffer = new byte[0];
    }
}
