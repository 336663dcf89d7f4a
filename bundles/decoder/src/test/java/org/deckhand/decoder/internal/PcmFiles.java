package org.deckhand.decoder.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes WAV and AIFF files of known samples for tests. */
final class PcmFiles {

    private PcmFiles() {
    }

    /**
     * @param samples the samples, [channel][frame], in [-1, 1]
     * @param formatTag 1 (PCM), 3 (float) or 0xFFFE (extensible PCM)
     * @param bytesPerSample 1 to 4, or 4 and 8 for float
     * @param sampleRateHz the rate, Hz
     * @return the WAV file's bytes
     */
    static byte[] wav(float[][] samples, int formatTag, int bytesPerSample, int sampleRateHz) {
        int channels = samples.length;
        byte[] data = interleave(samples, bytesPerSample, formatTag == 3, false, bytesPerSample == 1);
        boolean extensible = formatTag == 0xFFFE;
        ByteBuffer fmt = ByteBuffer.allocate(extensible ? 40 : 16).order(ByteOrder.LITTLE_ENDIAN);
        fmt.putShort((short) formatTag).putShort((short) channels).putInt(sampleRateHz)
                .putInt(sampleRateHz * channels * bytesPerSample).putShort((short) (channels * bytesPerSample))
                .putShort((short) (8 * bytesPerSample));
        if (extensible) {
            fmt.putShort((short) 22).putShort((short) (8 * bytesPerSample)).putInt(0).putShort((short) 1);
            fmt.put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("RIFF"));
        out.writeBytes(le32(4 + 8 + fmt.capacity() + 8 + 6 + 8 + data.length));
        out.writeBytes(ascii("WAVE"));
        out.writeBytes(ascii("fmt "));
        out.writeBytes(le32(fmt.capacity()));
        out.writeBytes(fmt.array());
        out.writeBytes(ascii("LIST"));
        out.writeBytes(le32(5));
        out.writeBytes(new byte[] {'I', 'N', 'F', 'O', 0, 0});
        out.writeBytes(ascii("data"));
        out.writeBytes(le32(data.length));
        out.writeBytes(data);
        return out.toByteArray();
    }

    /**
     * @param samples the samples, [channel][frame], in [-1, 1]
     * @param compression null for AIFF; {@code NONE}, {@code sowt} or {@code fl32} for AIFF-C
     * @param bytesPerSample 1 to 4 for integers, 4 for {@code fl32}
     * @return the AIFF file's bytes, at 44.1 kHz
     */
    static byte[] aiff(float[][] samples, String compression, int bytesPerSample) {
        boolean aifc = compression != null;
        boolean littleEndian = "sowt".equals(compression);
        byte[] data = interleave(samples, bytesPerSample, "fl32".equals(compression), !littleEndian, false);
        ByteBuffer comm = ByteBuffer.allocate(aifc ? 24 : 18);
        comm.putShort((short) samples.length).putInt(samples[0].length).putShort((short) (8 * bytesPerSample));
        comm.put(new byte[] {0x40, 0x0E, (byte) 0xAC, 0x44, 0, 0, 0, 0, 0, 0});
        if (aifc) {
            comm.put(ascii(compression)).put(new byte[2]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("FORM"));
        out.writeBytes(be32(4 + 8 + comm.capacity() + 8 + 8 + data.length));
        out.writeBytes(ascii(aifc ? "AIFC" : "AIFF"));
        out.writeBytes(ascii("COMM"));
        out.writeBytes(be32(comm.capacity()));
        out.writeBytes(comm.array());
        out.writeBytes(ascii("SSND"));
        out.writeBytes(be32(8 + data.length));
        out.writeBytes(new byte[8]);
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static byte[] interleave(float[][] samples, int bytesPerSample, boolean floating, boolean bigEndian,
            boolean unsigned8) {
        int channels = samples.length;
        int frames = samples[0].length;
        ByteBuffer b = ByteBuffer.allocate(frames * channels * bytesPerSample)
                .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                double v = samples[c][i];
                if (floating) {
                    if (bytesPerSample == 4) {
                        b.putFloat((float) v);
                    } else {
                        b.putDouble(v);
                    }
                    continue;
                }
                long max = (1L << (8 * bytesPerSample - 1)) - 1;
                long q = Math.round(v * max);
                if (unsigned8) {
                    b.put((byte) (q + 128));
                } else if (bytesPerSample == 1) {
                    b.put((byte) q);
                } else if (bytesPerSample == 2) {
                    b.putShort((short) q);
                } else if (bytesPerSample == 4) {
                    b.putInt((int) q);
                } else if (bigEndian) {
                    b.put((byte) (q >> 16)).put((byte) (q >> 8)).put((byte) q);
                } else {
                    b.put((byte) q).put((byte) (q >> 8)).put((byte) (q >> 16));
                }
            }
        }
        return b.array();
    }

    /**
     * @param channels channel count
     * @param frames frames per channel
     * @return a sine per channel, at 220 Hz times (channel + 1), amplitude 0.5, 44.1 kHz
     */
    static float[][] sines(int channels, int frames) {
        float[][] s = new float[channels][frames];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < frames; i++) {
                s[c][i] = (float) (0.5 * Math.sin(2 * Math.PI * 220 * (c + 1) * i / 44_100.0));
            }
        }
        return s;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] be32(int v) {
        return ByteBuffer.allocate(4).putInt(v).array();
    }
}
