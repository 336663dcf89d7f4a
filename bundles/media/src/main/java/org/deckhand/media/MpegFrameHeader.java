package org.deckhand.media;

/**
 * Reads MPEG-1, MPEG-2 and MPEG-2.5 audio frame headers (ISO/IEC 11172-3 section 2.4.2.3, ISO/IEC 13818-3 section
 * 2.4.2.3; MPEG-2.5 is Fraunhofer's extension to lower rates): the 11-bit sync word, version, layer, bit rate index,
 * sampling frequency, padding and emphasis, and from them the frame's length, so that a stream of frames can be told
 * from random bytes and cut into whole frames.
 */
public final class MpegFrameHeader {

    /** The bytes of a frame header. */
    public static final int BYTES = 4;
    /** Bit rates in kbit/s by table (see {@link #table}) and bit rate index (11172-3 2.4.2.3, 13818-3 2.4.2.3). */
    private static final int[][] BITRATES_KBPS = {
        {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // MPEG-1 layer I
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384}, // MPEG-1 layer II
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}, // MPEG-1 layer III
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256}, // MPEG-2/2.5 layer I
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}, // MPEG-2/2.5 layers II and III
    };
    private static final int[] MPEG1_RATES_HZ = {44_100, 48_000, 32_000};
    private static final int VERSION_MPEG1 = 3;
    private static final int VERSION_MPEG2 = 2;
    private static final int VERSION_RESERVED = 1;
    private static final int LAYER_I = 3;
    private static final int LAYER_III = 1;
    private static final int EMPHASIS_RESERVED = 2;

    private MpegFrameHeader() {
    }

    /**
     * @param bytes the bytes holding the header
     * @param at where the 4-byte header starts
     * @return the frame's length in bytes, header included, or 0 if the bytes are not a valid header: no sync word, a
     *     reserved version, layer, sampling frequency or emphasis, or the free-format or forbidden bit rate index (a
     *     free-format frame's length cannot be known from its header)
     */
    public static int frameBytes(byte[] bytes, int at) {
        int h = header(bytes, at);
        if (h == 0) {
            return 0;
        }
        int layer = (h >>> 17) & 3;
        int rateHz = sampleRateHz(h);
        int bitrateBps = BITRATES_KBPS[table(h)][(h >>> 12) & 15] * 1000;
        int padding = (h >>> 9) & 1;
        if (layer == LAYER_I) {
            return (12 * bitrateBps / rateHz + padding) * 4;
        }
        boolean mpeg1 = ((h >>> 19) & 3) == VERSION_MPEG1;
        int slotsPerFrame = layer == LAYER_III && !mpeg1 ? 72 : 144;
        return slotsPerFrame * bitrateBps / rateHz + padding;
    }

    /**
     * @param bytes the bytes holding the header
     * @param at where the 4-byte header starts
     * @return the frame's bit rate, kbit/s, or 0 if the bytes are not a valid header
     */
    public static int bitrateKbps(byte[] bytes, int at) {
        int h = header(bytes, at);
        return h == 0 ? 0 : BITRATES_KBPS[table(h)][(h >>> 12) & 15];
    }

    /**
     * @param bytes the bytes holding the header
     * @param at where the 4-byte header starts
     * @return the frame's sampling frequency, Hz, or 0 if the bytes are not a valid header
     */
    public static int sampleRateHz(byte[] bytes, int at) {
        int h = header(bytes, at);
        return h == 0 ? 0 : sampleRateHz(h);
    }

    /**
     * @param bytes the bytes holding the header
     * @param at where the header starts
     * @return whether a valid header starts there and is followed by another of the same version, layer and sampling
     *     frequency, or by the end of {@code bytes} exactly
     */
    public static boolean isSyncedFrame(byte[] bytes, int at) {
        int length = frameBytes(bytes, at);
        if (length == 0) {
            return false;
        }
        int next = at + length;
        if (next >= bytes.length) {
            return next == bytes.length;
        }
        return frameBytes(bytes, next) > 0 && (bytes[next + 1] & 0xFE) == (bytes[at + 1] & 0xFE)
                && (bytes[next + 2] & 0x0C) == (bytes[at + 2] & 0x0C);
    }

    /**
     * @param bytes bytes to search
     * @param from the first offset to try
     * @return the offset of the first {@linkplain #isSyncedFrame synced frame} at or after {@code from}, or -1
     */
    public static int findSync(byte[] bytes, int from) {
        for (int at = Math.max(0, from); at + BYTES <= bytes.length; at++) {
            if ((bytes[at] & 0xFF) == 0xFF && isSyncedFrame(bytes, at)) {
                return at;
            }
        }
        return -1;
    }

    /** @return the header as a big-endian int, or 0 when it is cut off or not valid */
    private static int header(byte[] bytes, int at) {
        if (at < 0 || at + BYTES > bytes.length) {
            return 0;
        }
        int h = ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
        int version = (h >>> 19) & 3;
        int layer = (h >>> 17) & 3;
        int bitrateIndex = (h >>> 12) & 15;
        int rateIndex = (h >>> 10) & 3;
        boolean valid = (h >>> 21) == 0x7FF && version != VERSION_RESERVED && layer != 0 && bitrateIndex != 0
                && bitrateIndex != 15 && rateIndex != 3 && (h & 3) != EMPHASIS_RESERVED;
        return valid ? h : 0;
    }

    /** @return the row of {@link #BITRATES_KBPS} for the header's version and layer */
    private static int table(int h) {
        int layer = (h >>> 17) & 3;
        if (((h >>> 19) & 3) == VERSION_MPEG1) {
            return 3 - layer;
        }
        return layer == LAYER_I ? 3 : 4;
    }

    private static int sampleRateHz(int h) {
        int version = (h >>> 19) & 3;
        int shift = version == VERSION_MPEG1 ? 0 : version == VERSION_MPEG2 ? 1 : 2;
        return MPEG1_RATES_HZ[(h >>> 10) & 3] >> shift;
    }
}
