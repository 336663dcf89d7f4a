package org.deckhand.mixer.internal.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

/**
 * Interleaves SHOUTcast/Icecast (ICY) metadata into an MP3 stream for players that sent {@code Icy-MetaData: 1}:
 * after every {@code metaInt} audio bytes, one length byte L and L × 16 bytes of {@code StreamTitle='...';} padded
 * with NULs, or L = 0 when the title has not changed since the last block. The title of each block is the one
 * playing at that byte of the stream. Used by one listener's thread.
 */
public final class IcyWriter {

    /** The audio bytes between two metadata blocks that Deckhand announces in {@code icy-metaint}. */
    public static final int META_INT = 16_000;
    private static final int BLOCK_UNIT = 16;
    private static final int LARGEST_BLOCK = 255 * BLOCK_UNIT;

    private final OutputStream out;
    private final int metaInt;
    private int untilMetadata;
    private String lastTitle;

    /**
     * @param out the response
     * @param metaInt the audio bytes between metadata blocks
     */
    public IcyWriter(OutputStream out, int metaInt) {
        this.out = out;
        this.metaInt = metaInt;
        untilMetadata = metaInt;
    }

    /**
     * Writes audio bytes, with a metadata block wherever one falls due.
     *
     * @param audio the bytes
     * @param count how many, from index 0
     * @param streamPosition the stream's byte that {@code audio[0]} is
     * @param titleAt the title playing at a byte of the stream, or null when none is known
     * @throws IOException if the listener has gone
     */
    public void write(byte[] audio, int count, long streamPosition, LongFunction<String> titleAt) throws IOException {
        int done = 0;
        while (done < count) {
            int chunk = Math.min(count - done, untilMetadata);
            out.write(audio, done, chunk);
            done += chunk;
            untilMetadata -= chunk;
            if (untilMetadata == 0) {
                writeMetadata(titleAt.apply(streamPosition + done));
                untilMetadata = metaInt;
            }
        }
    }

    private void writeMetadata(String title) throws IOException {
        if (title == null || title.equals(lastTitle)) {
            out.write(0);
            return;
        }
        lastTitle = title;
        out.write(block(title));
    }

    /**
     * The ICY metadata has no escape: a player reads the title up to the closing {@code ';} (or, in older players, to
     * the first {@code '}), so a title's apostrophes are written as the typographic apostrophe U+2019 and its
     * control characters as spaces; a title too long for the largest block is shortened between code points, and
     * the block always ends with {@code ';}.
     *
     * @param title the stream title
     * @return the metadata block: its length byte, then the text padded with NULs to a multiple of 16 bytes
     */
    static byte[] block(String title) {
        String safe = title.replace('\'', '\u2019').replaceAll("\\p{Cntrl}", " ");
        byte[] text = text(safe);
        while (text.length > LARGEST_BLOCK) {
            safe = safe.substring(0, safe.offsetByCodePoints(safe.length(), -1));
            text = text(safe);
        }
        int units = (text.length + BLOCK_UNIT - 1) / BLOCK_UNIT;
        byte[] block = new byte[1 + units * BLOCK_UNIT];
        block[0] = (byte) units;
        System.arraycopy(text, 0, block, 1, text.length);
        return block;
    }

    private static byte[] text(String title) {
        return ("StreamTitle='" + title + "';").getBytes(StandardCharsets.UTF_8);
    }
}
