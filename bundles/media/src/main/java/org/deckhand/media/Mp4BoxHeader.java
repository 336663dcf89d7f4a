package org.deckhand.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * The header of an ISO base media file box read from a file (ISO/IEC 14496-12 section 4.2): a 32-bit size, the
 * four-character type, and a 64-bit {@code largesize} when the size is 1; a size of 0 means the box runs to the end
 * of what holds it. For walking a file's boxes with positional reads, without reading their bodies.
 *
 * @param type the box type, such as {@code moov}
 * @param at where the box starts in the file, bytes
 * @param size the box's size as its header claims it, header included, bytes; not checked against the file
 * @param headerBytes 8, or 16 with a {@code largesize}
 */
public record Mp4BoxHeader(String type, long at, long size, int headerBytes) {

    private static final int SHORT_HEADER = 8;
    private static final int LONG_HEADER = 16;

    /**
     * @param channel the file
     * @param at where the box starts
     * @param end where what holds the box ends (the file's size for a top-level box)
     * @return the box header, or null when fewer than 8 bytes are left before {@code end}
     * @throws IOException if the file cannot be read
     */
    public static Mp4BoxHeader read(FileChannel channel, long at, long end) throws IOException {
        if (at + SHORT_HEADER > end) {
            return null;
        }
        ByteBuffer header = ByteBuffer.allocate((int) Math.min(LONG_HEADER, end - at));
        while (header.hasRemaining() && channel.read(header, at + header.position()) > 0) {
            // positional reads until the header is in
        }
        if (header.position() < SHORT_HEADER) {
            return null;
        }
        long size = header.getInt(0) & 0xFFFFFFFFL;
        String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
        if (size == 1 && header.position() >= LONG_HEADER) {
            return new Mp4BoxHeader(type, at, header.getLong(8), LONG_HEADER);
        }
        return new Mp4BoxHeader(type, at, size == 0 ? end - at : size, SHORT_HEADER);
    }

    /**
     * @param channel the file
     * @param type the type of the top-level box looked for, such as {@code moov}
     * @return the first top-level box of that type, or null when the walk from the start of the file meets none
     *     before the end or a box whose size is smaller than its header
     * @throws IOException if the file cannot be read
     */
    public static Mp4BoxHeader findTopLevel(FileChannel channel, String type) throws IOException {
        long size = channel.size();
        for (Mp4BoxHeader box = read(channel, 0, size); box != null && box.size >= box.headerBytes;
                box = read(channel, box.end(), size)) {
            if (box.type.equals(type)) {
                return box;
            }
        }
        return null;
    }

    /** @return where the box's body starts in the file */
    public long body() {
        return at + headerBytes;
    }

    /** @return where the box ends in the file, as its size claims */
    public long end() {
        return at + size;
    }

    /**
     * @param channel the file
     * @return the box's body, read whole into a buffer whose position 0 is the body's first byte
     * @throws IOException if the file cannot be read; the caller checks first that the box fits in the file and in
     *     memory
     */
    public ByteBuffer readBody(FileChannel channel) throws IOException {
        ByteBuffer body = ByteBuffer.allocate(Math.toIntExact(size - headerBytes));
        while (body.hasRemaining() && channel.read(body, body() + body.position()) > 0) {
            // positional reads until the body is in
        }
        return body.flip();
    }
}
