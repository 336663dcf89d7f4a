package org.deckhand.analysers.waveform;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A track's waveform overview, ready for JSON: per point and channel the lowest and highest sample, and per point the
 * level of the low, mid and high bands for DJ-style colouring. Also the compact binary form the {@code waveform}
 * analyser stores in its {@code peaks} field: {@link #encode()} writes it, {@link #decode(byte[])} reads it back for
 * the REST layer.
 *
 * <p>Binary layout, big-endian:
 * <pre>
 * offset  size          content
 * 0       1             format version, 1
 * 1       1             channel count C, 2
 * 2       4             point count N, signed 32-bit integer
 * 6       4             point duration in seconds, IEEE 754 32-bit float
 * 10      N * (2C + 3)  the points in time order, each:
 *                         per channel: min, then max, signed bytes, sample value times 127
 *                           (min rounded down, max rounded up, so the drawn envelope never under-reads)
 *                         low, mid, high band levels, unsigned bytes, level times 255
 * </pre>
 * Total for 1,000 stereo points: 7,010 bytes.
 *
 * @param pointSeconds the duration each point covers (s)
 * @param min the lowest sample per point, {@code [channel][point]}, in [-1, 1]
 * @param max the highest sample per point, {@code [channel][point]}, in [-1, 1]
 * @param low the low band's (below 250 Hz) level per point, in [0, 1]: 1 for the RMS of a full-scale sine, falling
 *     linearly in decibels to 0 at -60 dB
 * @param mid the mid band's (250 Hz to 4 kHz) level per point, in [0, 1]
 * @param high the high band's (above 4 kHz) level per point, in [0, 1]
 */
public record WaveformOverview(double pointSeconds, float[][] min, float[][] max, float[] low, float[] mid,
        float[] high) {

    /** The version byte of the binary form described above. */
    public static final byte FORMAT_VERSION = 1;
    private static final int HEADER_BYTES = 10;
    private static final int SAMPLE_SCALE = 127;
    private static final int LEVEL_SCALE = 255;

    /**
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays' lengths disagree
     */
    public WaveformOverview {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        int points = low.length;
        if (min.length != max.length || mid.length != points || high.length != points) {
            throw new IllegalArgumentException("waveform arrays of unequal lengths");
        }
        for (int channel = 0; channel < min.length; channel++) {
            if (min[channel].length != points || max[channel].length != points) {
                throw new IllegalArgumentException("waveform arrays of unequal lengths");
            }
        }
    }

    /** @return the number of points per channel */
    public int points() {
        return low.length;
    }

    /** @return the number of channels */
    public int channels() {
        return min.length;
    }

    /**
     * @return the binary form described in the class comment
     */
    public byte[] encode() {
        int channels = channels();
        int points = points();
        ByteBuffer bytes = ByteBuffer.allocate(HEADER_BYTES + points * (2 * channels + 3));
        bytes.put(FORMAT_VERSION).put((byte) channels).putInt(points).putFloat((float) pointSeconds);
        for (int point = 0; point < points; point++) {
            for (int channel = 0; channel < channels; channel++) {
                bytes.put(sampleByte(Math.floor(min[channel][point] * SAMPLE_SCALE)));
                bytes.put(sampleByte(Math.ceil(max[channel][point] * SAMPLE_SCALE)));
            }
            bytes.put(levelByte(low[point])).put(levelByte(mid[point])).put(levelByte(high[point]));
        }
        return bytes.array();
    }

    /**
     * Reads the binary form back.
     *
     * @param peaks the bytes of the {@code waveform} analyser's {@code peaks} field
     * @return the overview, its values quantised as stored
     * @throws IllegalArgumentException if the bytes are not of the form described in the class comment
     */
    public static WaveformOverview decode(byte[] peaks) {
        ByteBuffer bytes = ByteBuffer.wrap(peaks);
        if (peaks.length < HEADER_BYTES || bytes.get() != FORMAT_VERSION) {
            throw new IllegalArgumentException("not a waveform of format version " + FORMAT_VERSION);
        }
        int channels = bytes.get();
        int points = bytes.getInt();
        double pointSeconds = bytes.getFloat();
        if (channels < 1 || points < 0 || peaks.length != HEADER_BYTES + (long) points * (2 * channels + 3)) {
            throw new IllegalArgumentException("waveform of " + peaks.length + " bytes does not hold " + points
                    + " points of " + channels + " channels");
        }
        float[][] min = new float[channels][points];
        float[][] max = new float[channels][points];
        float[] low = new float[points];
        float[] mid = new float[points];
        float[] high = new float[points];
        for (int point = 0; point < points; point++) {
            for (int channel = 0; channel < channels; channel++) {
                min[channel][point] = bytes.get() / (float) SAMPLE_SCALE;
                max[channel][point] = bytes.get() / (float) SAMPLE_SCALE;
            }
            low[point] = Byte.toUnsignedInt(bytes.get()) / (float) LEVEL_SCALE;
            mid[point] = Byte.toUnsignedInt(bytes.get()) / (float) LEVEL_SCALE;
            high[point] = Byte.toUnsignedInt(bytes.get()) / (float) LEVEL_SCALE;
        }
        return new WaveformOverview(pointSeconds, min, max, low, mid, high);
    }

    private static byte sampleByte(double scaled) {
        return (byte) Math.max(-SAMPLE_SCALE, Math.min(SAMPLE_SCALE, scaled));
    }

    private static byte levelByte(float level) {
        return (byte) Math.round(Math.max(0, Math.min(1, level)) * LEVEL_SCALE);
    }
}
