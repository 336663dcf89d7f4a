package org.deckhand.media;

/**
 * The header of an Ogg page (RFC 3533 section 6): capture pattern {@code OggS}, stream structure version 0, header
 * type flags, granule position, stream serial number, page sequence number, CRC and the segment table, whose lacing
 * values (0 to 255 each) give the lengths of the packet pieces in the page body; a lacing value under 255 ends a
 * packet.
 */
public final class OggPage {

    /** The bytes of the fixed part of a page header, before the segment table. */
    public static final int FIXED_HEADER_BYTES = 27;
    /** The bytes of the longest page header: the fixed part and a table of 255 segments. */
    public static final int MAX_HEADER_BYTES = FIXED_HEADER_BYTES + 255;
    private static final int SEGMENT_COUNT_AT = 26;

    private final long granulePosition;
    private final long serialNumber;
    private final int[] lacing;

    private OggPage(long granulePosition, long serialNumber, int[] lacing) {
        this.granulePosition = granulePosition;
        this.serialNumber = serialNumber;
        this.lacing = lacing;
    }

    /**
     * @param bytes bytes that may hold a page header
     * @param at where it would start
     * @return whether the capture pattern {@code OggS} and stream structure version 0 stand there
     */
    public static boolean startsPage(byte[] bytes, int at) {
        return at >= 0 && at + 5 <= bytes.length && bytes[at] == 'O' && bytes[at + 1] == 'g' && bytes[at + 2] == 'g'
                && bytes[at + 3] == 'S' && bytes[at + 4] == 0;
    }

    /**
     * @param bytes bytes holding a page header, from {@code at}
     * @param at where the header starts
     * @return the header's length, segment table included, or -1 when no page starts there or its fixed part is cut off
     */
    public static int headerBytes(byte[] bytes, int at) {
        if (!startsPage(bytes, at) || at + FIXED_HEADER_BYTES > bytes.length) {
            return -1;
        }
        return FIXED_HEADER_BYTES + (bytes[at + SEGMENT_COUNT_AT] & 0xFF);
    }

    /**
     * @param bytes bytes holding at least the fixed part of a page header, from {@code at}
     * @param at where the header starts
     * @return the page's granule position (see {@link #granulePosition()}), or -1 when no page starts there or its
     *     fixed part is cut off
     */
    public static long granulePosition(byte[] bytes, int at) {
        return headerBytes(bytes, at) < 0 ? -1 : littleEndian(bytes, at + 6, 8);
    }

    /**
     * @param bytes bytes holding a page header, from {@code at}
     * @param at where the header starts
     * @return the page header, or null when no page starts there or its header (segment table included) is cut off
     */
    public static OggPage parse(byte[] bytes, int at) {
        int header = headerBytes(bytes, at);
        if (header < 0 || at + header > bytes.length) {
            return null;
        }
        int[] lacing = new int[header - FIXED_HEADER_BYTES];
        for (int i = 0; i < lacing.length; i++) {
            lacing[i] = bytes[at + FIXED_HEADER_BYTES + i] & 0xFF;
        }
        return new OggPage(littleEndian(bytes, at + 6, 8), littleEndian(bytes, at + 14, 4), lacing);
    }

    /**
     * @return the granule position: for Vorbis and Opus the sample count at the end of the last packet the page
     *     completes; -1 when no packet ends on the page
     */
    public long granulePosition() {
        return granulePosition;
    }

    /** @return the serial number of the logical stream the page belongs to */
    public long serialNumber() {
        return serialNumber;
    }

    /** @return the number of segments in the page body */
    public int segments() {
        return lacing.length;
    }

    /**
     * @param segment a segment index, 0 to {@link #segments()} - 1
     * @return its lacing value: the segment's length in bytes
     */
    public int lacing(int segment) {
        return lacing[segment];
    }

    /** @return the length of the page header, segment table included, bytes */
    public int headerBytes() {
        return FIXED_HEADER_BYTES + lacing.length;
    }

    private static long littleEndian(byte[] bytes, int at, int count) {
        long value = 0;
        for (int i = count - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }
}
