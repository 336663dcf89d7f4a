package org.deckhand.decoder.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a FLAC stream's metadata blocks (RFC 9639, section 8) ahead of jflac, so that jflac parses none but the
 * STREAMINFO: jflac allocates what a block claims before it reads it (a VORBIS_COMMENT that claims 2^31 comments asks
 * for an array of 2^31 entries, a PICTURE its claimed length), and decoding needs only the STREAMINFO. Every block's
 * length is checked against the file's size before it is skipped; the skipped bytes still pass through the stream,
 * and so through the file's digest.
 */
final class FlacMetadataBlocks {

    /** The STREAMINFO block's length, bytes (RFC 9639, section 8.2). */
    private static final int STREAMINFO_BYTES = 34;
    private static final int MAGIC_BYTES = 4;
    private static final int HEADER_BYTES = 4;
    private static final int STREAMINFO = 0;
    private static final int FORBIDDEN_TYPE = 127;
    private static final List<String> TYPE_NAMES = List.of("STREAMINFO", "PADDING", "APPLICATION", "SEEKTABLE",
            "VORBIS_COMMENT", "CUESHEET", "PICTURE");

    private FlacMetadataBlocks() {
    }

    /**
     * Reads the metadata blocks and returns a stream that holds the {@code fLaC} magic, the STREAMINFO block alone
     * (marked last) and then the audio frames.
     *
     * @param fileName the file's name, for messages
     * @param in the stream at the {@code fLaC} magic; read up to the first audio frame
     * @param fileBytes the file's size, bytes, which no block may run past
     * @return the stream for jflac
     * @throws IOException if the file ends inside its metadata, its first block is not a STREAMINFO of 34 bytes, a
     *     block has the forbidden type 127, or a block claims more bytes than the file holds; the message names the
     *     file and the block
     */
    static InputStream streamInfoOnly(String fileName, InputStream in, long fileBytes) throws IOException {
        readFully(fileName, in, MAGIC_BYTES, "its fLaC magic");
        long offset = MAGIC_BYTES;
        byte[] streamInfo = null;
        boolean last = false;
        for (int number = 0; !last; number++) {
            byte[] header = readFully(fileName, in, HEADER_BYTES, "the header of metadata block " + number);
            last = (header[0] & 0x80) != 0;
            int type = header[0] & 0x7F;
            int length = (header[1] & 0xFF) << 16 | (header[2] & 0xFF) << 8 | header[3] & 0xFF;
            String block = "FLAC metadata block " + number + " (" + typeName(type) + ")";
            offset += HEADER_BYTES;
            if (type == FORBIDDEN_TYPE) {
                throw new IOException(fileName + ": " + block + " has the forbidden type 127");
            }
            if (length > fileBytes - offset) {
                throw new IOException(String.format("%s: %s claims %d bytes, more than the %d bytes left in the file",
                        fileName, block, length, Math.max(0, fileBytes - offset)));
            }
            if (number == 0) {
                if (type != STREAMINFO || length != STREAMINFO_BYTES) {
                    throw new IOException(fileName + ": FLAC STREAMINFO is not valid: the first metadata block is "
                            + typeName(type) + " of " + length + " bytes, not a STREAMINFO of 34 bytes");
                }
                streamInfo = readFully(fileName, in, length, "its STREAMINFO");
            } else {
                in.skipNBytes(length);
            }
            offset += length;
        }
        byte[] head = new byte[MAGIC_BYTES + HEADER_BYTES + STREAMINFO_BYTES];
        System.arraycopy("fLaC".getBytes(StandardCharsets.US_ASCII), 0, head, 0, MAGIC_BYTES);
        head[MAGIC_BYTES] = (byte) 0x80;
        head[MAGIC_BYTES + 3] = STREAMINFO_BYTES;
        System.arraycopy(streamInfo, 0, head, MAGIC_BYTES + HEADER_BYTES, STREAMINFO_BYTES);
        return new HeadThenRest(head, in);
    }

    private static String typeName(int type) {
        return type < TYPE_NAMES.size() ? TYPE_NAMES.get(type) : "type " + type;
    }

    private static byte[] readFully(String fileName, InputStream in, int bytes, String what) throws IOException {
        byte[] read = in.readNBytes(bytes);
        if (read.length < bytes) {
            throw new IOException(fileName + ": the FLAC file ends inside " + what);
        }
        return read;
    }

    /** A few bytes, then the rest of a stream, which stays open: it belongs to the caller. */
    private static final class HeadThenRest extends InputStream {

        private final byte[] head;
        private final InputStream rest;
        private int position;

        HeadThenRest(byte[] head, InputStream rest) {
            this.head = head;
            this.rest = rest;
        }

        @Override
        public int read() throws IOException {
            return position < head.length ? head[position++] & 0xFF : rest.read();
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (position >= head.length) {
                return rest.read(into, offset, length);
            }
            int n = Math.min(length, head.length - position);
            System.arraycopy(head, position, into, offset, n);
            position += n;
            return n;
        }
    }
}
