package org.deckhand.decoder.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads the header of an AIFF or AIFF-C file (Apple, "Audio Interchange File Format 1.3", 1989; "AIFF-C", 1991) and
 * opens its sample data: big-endian integers ({@code NONE}, {@code twos}, {@code in24}, {@code in32}), little-endian
 * integers ({@code sowt}) and floats ({@code fl32}, {@code fl64}). Other compression types go to ffmpeg. Channels of
 * more than stereo are taken in WAVE order.
 */
final class AiffReader {

    private AiffReader() {
    }

    /**
     * @param fileName the file's name, for messages
     * @param in the stream at the {@code FORM} magic
     * @return the sound data's samples, positioned at the first
     * @throws FfmpegRequiredException if the samples are compressed
     * @throws IOException if the header is corrupt or the stream cannot be read
     */
    static InterleavedPcmSource open(String fileName, InputStream in) throws IOException, FfmpegRequiredException {
        byte[] form = readFully(in, 12, fileName);
        boolean aifc = form[11] == 'C';
        ByteBuffer comm = null;
        while (true) {
            ByteBuffer chunk = ByteBuffer.wrap(readFully(in, 8, fileName));
            String id = new String(chunk.array(), 0, 4, StandardCharsets.ISO_8859_1);
            long size = chunk.getInt(4) & 0xFFFFFFFFL;
            if (id.equals("SSND")) {
                if (comm == null) {
                    throw new IOException(fileName + ": AIFF sound data before its COMM chunk");
                }
                ByteBuffer ssnd = ByteBuffer.wrap(readFully(in, 8, fileName));
                long offset = ssnd.getInt(0) & 0xFFFFFFFFL;
                skip(in, offset, fileName);
                return source(fileName, in, comm, aifc, size - 8 - offset);
            }
            byte[] body = readFully(in, (int) Math.min(size + (size & 1), 1 << 20), fileName);
            skip(in, Math.max(0, size + (size & 1) - body.length), fileName);
            if (id.equals("COMM")) {
                comm = ByteBuffer.wrap(body);
            }
        }
    }

    private static InterleavedPcmSource source(String fileName, InputStream in, ByteBuffer comm, boolean aifc,
            long dataBytes) throws IOException, FfmpegRequiredException {
        if (comm.capacity() < 18) {
            throw new IOException(fileName + ": AIFF COMM chunk too short");
        }
        int channels = comm.getShort(0) & 0xFFFF;
        long frames = comm.getInt(2) & 0xFFFFFFFFL;
        int bitsPerSample = comm.getShort(6) & 0xFFFF;
        double sampleRateHz = extended(comm, 8);
        String compression = aifc && comm.capacity() >= 22
                ? new String(comm.array(), 18, 4, StandardCharsets.ISO_8859_1) : "NONE";
        PcmEncoding encoding = switch (compression) {
            case "NONE", "twos" -> integer(bitsPerSample, true, compression);
            case "sowt" -> integer(bitsPerSample, false, compression);
            case "in24" -> integer(24, true, compression);
            case "in32" -> integer(32, true, compression);
            case "fl32", "FL32" -> new PcmEncoding(4, true, true, false);
            case "fl64", "FL64" -> new PcmEncoding(8, true, true, false);
            default -> throw new FfmpegRequiredException("AIFF-C " + compression.trim());
        };
        if (channels == 0 || !(sampleRateHz >= 1 && sampleRateHz <= Integer.MAX_VALUE)) {
            throw new IOException(fileName + ": AIFF header is corrupt (" + channels + " channels, " + sampleRateHz
                    + " Hz)");
        }
        long declaredBytes = Math.min(dataBytes, frames * channels * encoding.bytesPerSample());
        return new InterleavedPcmSource(fileName, in, declaredBytes, (int) Math.round(sampleRateHz),
                Speaker.waveOrder(channels), encoding, "aiff");
    }

    private static PcmEncoding integer(int bitsPerSample, boolean bigEndian, String compression)
            throws FfmpegRequiredException {
        int bytes = (bitsPerSample + 7) / 8;
        if (bytes < 1 || bytes > 4) {
            throw new FfmpegRequiredException(bitsPerSample + "-bit AIFF " + compression.trim());
        }
        return new PcmEncoding(bytes, false, bigEndian, false);
    }

    /** An IEEE 754 80-bit extended number, big-endian, as AIFF stores its sample rate. */
    private static double extended(ByteBuffer bytes, int at) {
        int signAndExponent = bytes.getShort(at) & 0xFFFF;
        long mantissa = bytes.getLong(at + 2);
        double magnitude = (mantissa >>> 11) * Math.pow(2, (signAndExponent & 0x7FFF) - 16383 - 52);
        return (signAndExponent & 0x8000) != 0 ? -magnitude : magnitude;
    }

    private static void skip(InputStream in, long bytes, String fileName) throws IOException {
        try {
            in.skipNBytes(bytes);
        } catch (EOFException e) {
            throw new EOFException(fileName + ": the AIFF file ends inside a chunk that claims " + bytes
                    + " more bytes");
        }
    }

    private static byte[] readFully(InputStream in, int bytes, String fileName) throws IOException {
        byte[] buffer = in.readNBytes(bytes);
        if (buffer.length < bytes) {
            throw new EOFException(fileName + ": the AIFF header ends before its sound data");
        }
        return buffer;
    }
}
