package org.deckhand.decoder.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the header of a RIFF WAVE file (Microsoft/IBM, "Multimedia Programming Interface and Data Specifications
 * 1.0", 1991; WAVEFORMATEXTENSIBLE; EBU Tech 3306 RF64 with its {@code ds64} chunk) and opens its PCM or IEEE float
 * data. Compressed WAV codecs go to ffmpeg.
 */
final class WaveReader {

    private static final int WAVE_FORMAT_PCM = 1;
    private static final int WAVE_FORMAT_IEEE_FLOAT = 3;
    private static final int WAVE_FORMAT_EXTENSIBLE = 0xFFFE;
    private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;

    private WaveReader() {
    }

    /**
     * @param fileName the file's name, for messages
     * @param in the stream at the {@code RIFF} magic
     * @param streamed the writer could not seek back to fill in the data size (ffmpeg writing to a pipe): read the
     *     data to the end of the stream
     * @param decoderName the name the source gives
     * @return the data's samples, positioned at the first
     * @throws FfmpegRequiredException if the samples are compressed
     * @throws IOException if the header is corrupt or the stream cannot be read
     */
    static InterleavedPcmSource open(String fileName, InputStream in, boolean streamed, String decoderName)
            throws IOException, FfmpegRequiredException {
        byte[] riff = readFully(in, 12, fileName);
        boolean rf64 = riff[0] != 'R' || riff[1] != 'I';
        long ds64DataBytes = -1;
        ByteBuffer fmt = null;
        while (true) {
            ByteBuffer chunk = ByteBuffer.wrap(readFully(in, 8, fileName)).order(ByteOrder.LITTLE_ENDIAN);
            String id = new String(chunk.array(), 0, 4, StandardCharsets.ISO_8859_1);
            long size = chunk.getInt(4) & UNKNOWN_SIZE;
            if (id.equals("data")) {
                if (fmt == null) {
                    throw new IOException(fileName + ": WAV data chunk before its fmt chunk");
                }
                long dataBytes = streamed || size == UNKNOWN_SIZE ? -1 : rf64 && ds64DataBytes >= 0 ? ds64DataBytes
                        : size;
                return source(fileName, in, fmt, dataBytes, decoderName);
            }
            byte[] body = readFully(in, (int) Math.min(size + (size & 1), 1 << 20), fileName);
            in.skipNBytes(Math.max(0, size + (size & 1) - body.length));
            if (id.equals("fmt ")) {
                fmt = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
            } else if (id.equals("ds64") && body.length >= 16) {
                ds64DataBytes = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).getLong(8);
            }
        }
    }

    private static InterleavedPcmSource source(String fileName, InputStream in, ByteBuffer fmt, long dataBytes,
            String decoderName) throws IOException, FfmpegRequiredException {
        if (fmt.capacity() < 16) {
            throw new IOException(fileName + ": WAV fmt chunk too short");
        }
        int formatTag = fmt.getShort(0) & 0xFFFF;
        int channels = fmt.getShort(2) & 0xFFFF;
        int sampleRateHz = fmt.getInt(4);
        int blockAlign = fmt.getShort(12) & 0xFFFF;
        int bitsPerSample = fmt.getShort(14) & 0xFFFF;
        int channelMask = 0;
        if (formatTag == WAVE_FORMAT_EXTENSIBLE && fmt.capacity() >= 26) {
            channelMask = fmt.getInt(20);
            formatTag = fmt.getShort(24) & 0xFFFF;
        }
        if (formatTag != WAVE_FORMAT_PCM && formatTag != WAVE_FORMAT_IEEE_FLOAT) {
            throw new FfmpegRequiredException(String.format("WAV format 0x%04X", formatTag));
        }
        if (channels == 0 || sampleRateHz <= 0 || bitsPerSample == 0 || blockAlign % channels != 0) {
            throw new IOException(fileName + ": WAV header is corrupt (" + channels + " channels, " + sampleRateHz
                    + " Hz, " + bitsPerSample + " bits)");
        }
        int bytesPerSample = blockAlign / channels;
        PcmEncoding encoding;
        try {
            encoding = new PcmEncoding(bytesPerSample, formatTag == WAVE_FORMAT_IEEE_FLOAT, false, true);
        } catch (IllegalArgumentException e) {
            throw new FfmpegRequiredException(bitsPerSample + "-bit WAV");
        }
        return new InterleavedPcmSource(fileName, in, dataBytes, sampleRateHz, Speaker.waveMask(channelMask,
                channels), encoding, decoderName);
    }

    private static byte[] readFully(InputStream in, int bytes, String fileName) throws IOException {
        byte[] buffer = in.readNBytes(bytes);
        if (buffer.length < bytes) {
            throw new EOFException(fileName + ": the WAV header ends before its data");
        }
        return buffer;
    }
}
