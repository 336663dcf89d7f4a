package org.deckhand.tags.internal;

/**
 * Says, for the user, what a file that is not audio in a known format seems to hold.
 */
final class UnknownContent {

    private static final int TEXT_SAMPLE = 512;

    private UnknownContent() {
    }

    /**
     * @param head the file's first bytes
     * @return why the file cannot be read, such as {@code "not an audio file (it holds text)"}
     */
    static String describe(byte[] head) {
        if (Bytes.startsWith(head, 0, "OggS")) {
            return "unsupported format: an Ogg stream that is neither Vorbis nor Opus";
        }
        if (Bytes.startsWith(head, 4, "ftyp")) {
            return "not an audio file (an MP4 file with a video brand)";
        }
        if (Bytes.startsWith(head, 0, "MThd")) {
            return "unsupported format: a MIDI file holds notes, not audio";
        }
        if (Bytes.startsWith(head, 0, "\u0089PNG") || Bytes.startsWith(head, 0, "\u00FF\u00D8\u00FF")
                || Bytes.startsWith(head, 0, "GIF8")) {
            return "not an audio file (it holds an image)";
        }
        if (Bytes.startsWith(head, 0, "%PDF") || Bytes.startsWith(head, 0, "PK\u0003\u0004")) {
            return "not an audio file (it holds a document or an archive)";
        }
        return looksLikeText(head) ? "not an audio file (it holds text)" : "not an audio file (unknown content)";
    }

    /** Text: no NUL and no control characters but tab, line feed, carriage return and form feed. */
    private static boolean looksLikeText(byte[] head) {
        int length = Math.min(head.length, TEXT_SAMPLE);
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return length > 0;
    }
}
