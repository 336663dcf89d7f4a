package org.deckhand.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A box of an ISO base media file (ISO/IEC 14496-12 section 4.2) inside a buffer that holds its parent, such as the
 * body of the {@code moov} box: its type, where its body starts and where it ends. Walks siblings ({@link #next}) and
 * paths of descendants ({@link #find}); a box whose size runs past its parent ends the walk.
 */
public final class Mp4Box {

    /** Largest {@code moov} box read into memory: a sample table for more than 24 hours of AAC. */
    public static final long MAX_MOOV_BYTES = 64L << 20;

    private final String type;
    private final int body;
    private final int end;
    private final int limit;

    private Mp4Box(String type, int body, int end, int limit) {
        this.type = type;
        this.body = body;
        this.end = end;
        this.limit = limit;
    }

    /**
     * @param b the buffer
     * @param at where the box starts
     * @param limit where its parent ends
     * @return the box starting at {@code at}, or null when no whole box header fits there or its size does not fit
     *     before {@code limit}
     */
    public static Mp4Box first(ByteBuffer b, int at, int limit) {
        if (at < 0 || at + 8 > limit) {
            return null;
        }
        long size = b.getInt(at) & 0xFFFFFFFFL;
        int header = 8;
        if (size == 1 && at + 16 <= limit) {
            size = b.getLong(at + 8);
            header = 16;
        } else if (size == 0) {
            size = limit - at;
        }
        if (size < header || at + size > limit) {
            return null;
        }
        return new Mp4Box(ascii(b, at + 4), at + header, (int) (at + size), limit);
    }

    /**
     * @param b the buffer the box was read from
     * @return the box after this one in the same parent, or null
     */
    public Mp4Box next(ByteBuffer b) {
        return first(b, end, limit);
    }

    /**
     * @param b the buffer the box was read from
     * @param path box types from this box's children down
     * @return the first descendant along the path, or null
     */
    public Mp4Box find(ByteBuffer b, String... path) {
        Mp4Box parent = this;
        for (String t : path) {
            Mp4Box child = first(b, parent.body, parent.end);
            while (child != null && !child.is(t)) {
                child = child.next(b);
            }
            if (child == null) {
                return null;
            }
            parent = child;
        }
        return parent;
    }

    /**
     * @param b the buffer the box was read from
     * @return whether this is a {@code trak} box whose media handler ({@code mdia/hdlr}, section 8.4.3) has the
     *     handler_type {@code soun}: an audio track
     */
    public boolean isAudioTrack(ByteBuffer b) {
        Mp4Box hdlr = is("trak") ? find(b, "mdia", "hdlr") : null;
        return hdlr != null && "soun".equals(ascii(b, hdlr.body + 8));
    }

    /** @return the four-character type */
    public String type() {
        return type;
    }

    /** @return whether the box is of type {@code t} */
    public boolean is(String t) {
        return type.equals(t);
    }

    /** @return where the body starts in the buffer */
    public int body() {
        return body;
    }

    /** @return where the box ends in the buffer */
    public int end() {
        return end;
    }

    /**
     * @param b a buffer
     * @param at where four ASCII characters would start
     * @return them, or an empty string where the buffer ends first
     */
    public static String ascii(ByteBuffer b, int at) {
        if (at < 0 || at + 4 > b.limit()) {
            return "";
        }
        byte[] bytes = new byte[4];
        b.get(at, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
