package org.deckhand.media;

/**
 * The 10-byte header of an ID3v2 tag (id3.org, ID3v2.4 structure, section 3.1; the same layout in v2.2 and v2.3):
 * "ID3", the major and revision version, the flags and a synchsafe size (section 6.2) that counts the tag after its
 * header, without the footer (section 3.4).
 */
public final class Id3v2Header {

    /** The bytes of the header, and of the footer when there is one. */
    public static final int BYTES = 10;
    /** The bytes to give {@link #tagBytes}: the header and the identifier of the first frame. */
    public static final int PROBE_BYTES = BYTES + 4;
    private static final int FOOTER_PRESENT = 0x10;
    private static final int EXTENDED_HEADER = 0x40;

    private Id3v2Header() {
    }

    /**
     * @param head bytes from where a tag may start
     * @return whether they start with the identifier "ID3", valid header or not
     */
    public static boolean startsTag(byte[] head) {
        return head.length >= 3 && head[0] == 'I' && head[1] == 'D' && head[2] == '3';
    }

    /**
     * Checks the header as section 3.1 has it: a major version of 2 to 4, a revision other than 0xFF, no flag set that
     * the version leaves undefined (section 3.1: "all the other flags MUST be cleared"), a synchsafe size, and a first
     * frame whose identifier is made of capitals and digits (section 4), or padding.
     *
     * @param head bytes from where the tag starts, at least {@link #PROBE_BYTES} of them where the file has them
     * @return the bytes of the tag, header and footer included, or -1 when {@code head} does not start with a valid
     *     ID3v2 header
     */
    public static long tagBytes(byte[] head) {
        if (head.length < BYTES || !startsTag(head)) {
            return -1;
        }
        int version = head[3] & 0xFF;
        int flags = head[5] & 0xFF;
        if (version < 2 || version > 4 || (head[4] & 0xFF) == 0xFF || (flags & (version == 4 ? 0x0F : 0x1F)) != 0) {
            return -1;
        }
        long size = 0;
        for (int i = 6; i < BYTES; i++) {
            if ((head[i] & 0x80) != 0) {
                return -1;
            }
            size = (size << 7) | (head[i] & 0x7F);
        }
        if ((flags & EXTENDED_HEADER) == 0 && size > 0 && !validFirstFrameId(head, version == 2 ? 3 : 4)) {
            return -1;
        }
        boolean footer = version == 4 && (flags & FOOTER_PRESENT) != 0;
        return BYTES + size + (footer ? BYTES : 0);
    }

    private static boolean validFirstFrameId(byte[] head, int idLength) {
        if (head.length < BYTES + idLength || head[BYTES] == 0) {
            return true;
        }
        for (int i = BYTES; i < BYTES + idLength; i++) {
            char c = (char) (head[i] & 0xFF);
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
