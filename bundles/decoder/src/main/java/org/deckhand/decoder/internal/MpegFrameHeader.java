package org.deckhand.decoder.internal;

/**
 * Reads MPEG-1/2/2.5 audio frame headers (ISO/IEC 11172-3 section 2.4.2.3, ISO/IEC 13818-3): validates a sync word
 * and computes the frame's length, so that a stream of frames can be told from random bytes.
 */
final class MpegFrameHeader {

    private static final int[][] BITRATES_KBPS = {
        {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // MPEG-1 layer I
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384}, // MPEG-1 layer II
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}, // MPEG-1 layer III
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256}, // MPEG-2/2.5 layer I
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}, // MPEG-2/2.5 layers II and III
    };
    private static final int[] MPEG1_RATES_HZ = {44_100, 48_000, 32_000};

    private MpegFrameHeader() {
    }

    /**
     * @param bytes the bytes holding the header
     * @param at where the 4-byte header starts
     * @return the frame's length in bytes, header included, or 0 if the bytes are not a valid header (free-format
     *     frames count as invalid)
     */
    static int frameBytes(byte[] bytes, int at) {
        if (at + 4 > bytes.length) {
            return 0;
        }
        int h = ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
        int version = (h >>> 19) & 3; // 3 MPEG-1, 2 MPEG-2, 0 MPEG-2.5
        int layer = (h >>> 17) & 3; // 3 layer I, 2 layer II, 1 layer III
        int bitrateIndex = (h >>> 12) & 15;
        int rateIndex = (h >>> 10) & 3;
        if ((h >>> 21) != 0x7FF || version == 1 || layer == 0 || bitrateIndex == 0 || bitrateIndex == 15
                || rateIndex == 3 || (h & 3) == 2) {
            return 0;
        }
        boolean mpeg1 = version == 3;
        int table = mpeg1 ? 3 - layer : (layer == 3 ? 3 : 4);
        int bitrateBps = BITRATES_KBPS[table][bitrateIndex] * 1000;
        int rateHz = MPEG1_RATES_HZ[rateIndex] >> (mpeg1 ? 0 : version == 2 ? 1 : 2);
        int padding = (h >>> 9) & 1;
        if (layer == 3) {
            return (12 * bitrateBps / rateHz + padding) * 4;
        }
        int slotsPerFrame = layer == 1 && !mpeg1 ? 72 : 144;
        return slotsPerFrame * bitrateBps / rateHz + padding;
    }

    /**
     * @param bytes the bytes holding the header
     * @param at where the header starts
     * @return whether a valid header starts there and is followed by another of the same version, layer and rate
     *     (or by the end of {@code bytes})
     */
    static boolean isSyncedFrame(byte[] bytes, int at) {
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
    static int findSync(byte[] bytes, int from) {
        for (int at = from; at + 4 <= bytes.length; at++) {
            if ((bytes[at] & 0xFF) == 0xFF && isSyncedFrame(bytes, at)) {
                return at;
            }
        }
        return -1;
    }
}
