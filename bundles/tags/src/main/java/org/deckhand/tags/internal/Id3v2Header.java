package org.deckhand.tags.internal;

/**
 * The 10-byte header of an ID3v2 tag (ID3v2.4 structure, section 3.1; the same in v2.2 and v2.3).
 */
final class Id3v2Header {

    private static final int HEADER_SIZE = 10;
    private static final int FOOTER_PRESENT = 0x10;

    private Id3v2Header() {
    }

    /**
     * @param head a file's first bytes
     * @return the size in bytes of the ID3v2 tag the file starts with, header and footer included, or 0 when the
     *     bytes do not start with a well-formed ID3v2 header (version 2 to 4, sync-safe size)
     */
    static long totalSize(byte[] head) {
        if (head.length < HEADER_SIZE || !Bytes.startsWith(head, 0, "ID3")) {
            return 0;
        }
        int major = head[3] & 0xFF;
        if (major < 2 || major > 4 || (head[4] & 0xFF) == 0xFF) {
            return 0;
        }
        long size = 0;
        for (int i = 6; i < HEADER_SIZE; i++) {
            int b = head[i] & 0xFF;
            if (b >= 0x80) {
                return 0;
            }
            size = (size << 7) | b;
        }
        boolean footer = major == 4 && (head[5] & FOOTER_PRESENT) != 0;
        return HEADER_SIZE + size + (footer ? HEADER_SIZE : 0);
    }
}
