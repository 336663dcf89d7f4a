package org.deckhand.tags.internal;

import org.deckhand.media.Detection;
import org.deckhand.media.MediaFormat;

/**
 * Says, for the user, what a file that is not audio in a format whose tags Deckhand reads seems to hold.
 */
final class UnknownContent {

    /** The bytes of the file's start that {@link #describe} looks at. */
    static final int HEAD_BYTES = 16;

    private UnknownContent() {
    }

    /**
     * @param head the file's first bytes, up to {@link #HEAD_BYTES}
     * @param detection what the format detection found
     * @return why the file cannot be read, such as {@code "not an audio file (it holds text)"}
     */
    static String describe(byte[] head, Detection detection) {
        MediaFormat format = detection.format();
        if (format == MediaFormat.OGG_OTHER) {
            return "unsupported format: an Ogg stream that is neither Vorbis nor Opus";
        }
        if (format == MediaFormat.MP4_OTHER) {
            return "not an audio file (an MP4 file with a video brand)";
        }
        if (format.isAudio()) {
            return "unsupported format: " + format.displayName();
        }
        if (detection.garbageId3Tag()) {
            return "not an audio file (it starts with an ID3v2 tag whose header is not valid, and no MPEG audio "
                    + "follows)";
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
        return format == MediaFormat.TEXT ? "not an audio file (it holds text)" : "not an audio file (unknown content)";
    }
}
