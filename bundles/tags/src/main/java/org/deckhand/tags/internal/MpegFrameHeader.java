package org.deckhand.tags.internal;

/**
 * Checks MPEG-1/2/2.5 audio frame headers (ISO/IEC 11172-3 section 2.4.2.3, ISO/IEC 13818-3), enough to tell an MP3
 * stream without an ID3v2 tag from other bytes.
 */
final class MpegFrameHeader {

    private static final int HEADER_SIZE = 4;
    /** Bit rates in kbit/s by [MPEG-1 ? 0 : 1][layer - 1][index]. */
    private static final int[][][] BITRATES = {
        {
            {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
            {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
        },
        {
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
        },
    };
    private static final int[] MPEG1_SAMPLE_RATES = {44100, 48000, 32000};

    private MpegFrameHeader() {
    }

    /**
     * @param bytes the first bytes of a file
     * @return whether they start with a valid MPEG audio frame header, followed by a second one where the buffer
     *     reaches it
     */
    static boolean startsStream(byte[] bytes) {
        return startsStream(bytes, 0);
    }

    /**
     * @param bytes bytes of a file
     * @param offset where in them to look
     * @return whether a valid MPEG audio frame header starts at {@code offset}, followed by a second one where the
     *     buffer reaches it
     */
    static boolean startsStream(byte[] bytes, int offset) {
        int length = frameLength(bytes, offset);
        if (length <= 0) {
            return false;
        }
        return bytes.length < offset + length + HEADER_SIZE || frameLength(bytes, offset + length) > 0;
    }

    /**
     * @return the length in bytes of the frame whose header starts at {@code offset}, or 0 if there is no valid
     *     header there (free-format bit rate included, since its length cannot be known)
     */
    private static int frameLength(byte[] bytes, int offset) {
        if (bytes.length < offset + HEADER_SIZE) {
            return 0;
        }
        int b1 = bytes[offset + 1] & 0xFF;
        int b2 = bytes[offset + 2] & 0xFF;
        int version = (b1 >> 3) & 0x3;
        int layer = 4 - ((b1 >> 1) & 0x3);
        int bitrateIndex = b2 >> 4;
        int sampleRateIndex = (b2 >> 2) & 0x3;
        if ((bytes[offset] & 0xFF) != 0xFF || (b1 & 0xE0) != 0xE0 || version == 1 || layer == 4
                || bitrateIndex == 0 || bitrateIndex == 0xF || sampleRateIndex == 3) {
            return 0;
        }
        boolean mpeg1 = version == 3;
        int sampleRate = MPEG1_SAMPLE_RATES[sampleRateIndex] >> (mpeg1 ? 0 : version == 2 ? 1 : 2);
        int bitrate = BITRATES[mpeg1 ? 0 : 1][layer - 1][bitrateIndex] * 1000;
        int padding = (b2 >> 1) & 0x1;
        if (layer == 1) {
            return (12 * bitrate / sampleRate + padding) * 4;
        }
        int coefficient = layer == 3 && !mpeg1 ? 72 : 144;
        return coefficient * bitrate / sampleRate + padding;
    }
}
