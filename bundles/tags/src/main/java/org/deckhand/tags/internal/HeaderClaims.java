package org.deckhand.tags.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.deckhand.media.Id3v2Header;
import org.deckhand.media.Mp4Box;
import org.deckhand.media.Mp4BoxHeader;
import org.deckhand.media.OggPage;

/**
 * Checks, before JAudioTagger reads a file, that the sizes and counts its headers claim fit in what holds them:
 * JAudioTagger allocates what a header claims before it reads it (an MP4 box, an AIFF or WAV chunk, the vendor string
 * of a FLAC or Ogg Vorbis comment block), so that one rewritten length in a header made the server run out of memory.
 * Walks the structure only, with positional reads: FLAC metadata blocks (RFC 9639, section 8) with their
 * VORBIS_COMMENT and PICTURE fields, the Ogg Vorbis comment header (Vorbis I, section 5.2.1, over RFC 3533 pages),
 * MP4 boxes down to the {@code ilst} items (ISO/IEC 14496-12, section 4.2), the chunks of RIFF WAVE and EA IFF 85
 * AIFF files, the objects of an ASF (WMA) header ({@link AsfHeaderClaims}), and the chunks of a DSF file (DSF File
 * Format Specification 1.01, Sony: DSD, fmt and data chunks, and the metadata pointer to its ID3v2 tag).
 */
final class HeaderClaims {

    /** Largest Ogg Vorbis comment header read: room for cover art. */
    private static final int MAX_OGG_COMMENT_BYTES = 16 << 20;
    private static final Set<String> MP4_CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "udta", "meta",
            "ilst", "edts", "dinf");
    private static final int MAX_DEPTH = 16;
    private static final int FLAC_VORBIS_COMMENT = 4;
    private static final int FLAC_PICTURE = 6;
    /** The part of a FLAC PICTURE block read: its fields before the picture data, with room for long descriptions. */
    private static final int PICTURE_HEAD_BYTES = 64 * 1024;
    /** Largest DSF metadata chunk (an ID3v2 tag) read: room for cover art. */
    private static final long MAX_DSF_METADATA_BYTES = 16L << 20;
    private static final int DSF_DSD_CHUNK_BYTES = 28;
    private static final int DSF_CHUNK_HEADER_BYTES = 12;

    private HeaderClaims() {
    }

    /**
     * @param file the file
     * @param format its format, as detected from its content
     * @throws IOException if a header claims more than holds it, the reason naming the header and the claim; or if
     *     the file cannot be read
     */
    static void check(Path file, AudioFormat format) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            switch (format) {
                case FLAC -> flac(channel);
                case OGG -> oggVorbis(channel);
                case M4A -> mp4(channel, 0, channel.size(), 0);
                case AIFF -> chunks(channel, ByteOrder.BIG_ENDIAN, "AIFF");
                case WAV -> chunks(channel, ByteOrder.LITTLE_ENDIAN, "WAV");
                case WMA -> AsfHeaderClaims.check(channel);
                case DSF -> dsf(channel);
                default -> {
                    // an MP3's ID3v2 size JAudioTagger checks against the file
                }
            }
        }
    }

    private static void flac(FileChannel channel) throws IOException {
        long size = channel.size();
        long at = Math.max(0, Id3v2Header.tagBytes(Bytes.readUpTo(channel, 0, Id3v2Header.PROBE_BYTES)));
        if (!Bytes.startsWith(Bytes.readUpTo(channel, at, 4), 0, "fLaC")) {
            return;
        }
        at += 4;
        boolean last = false;
        for (int number = 0; !last; number++) {
            byte[] header = Bytes.readUpTo(channel, at, 4);
            if (header.length < 4) {
                throw new IOException("the file ends inside FLAC metadata block " + number);
            }
            last = (header[0] & 0x80) != 0;
            int type = header[0] & 0x7F;
            int length = (header[1] & 0xFF) << 16 | (header[2] & 0xFF) << 8 | header[3] & 0xFF;
            at += 4;
            String block = "FLAC metadata block " + number + (type == FLAC_VORBIS_COMMENT ? " (VORBIS_COMMENT)"
                    : type == FLAC_PICTURE ? " (PICTURE)" : " (type " + type + ")");
            fits(block, length, size - at);
            if (type == FLAC_VORBIS_COMMENT) {
                vorbisComment(block, ByteBuffer.wrap(Bytes.readUpTo(channel, at, length)));
            } else if (type == FLAC_PICTURE) {
                picture(block, ByteBuffer.wrap(Bytes.readUpTo(channel, at, Math.min(length, PICTURE_HEAD_BYTES))),
                        length);
            }
            at += length;
        }
    }

    /** A Vorbis comment block (Vorbis I, section 5.2.1) without its framing bit: little-endian lengths. */
    private static void vorbisComment(String block, ByteBuffer body) throws IOException {
        body.order(ByteOrder.LITTLE_ENDIAN);
        skipField(block + "'s vendor string", body);
        long count = uint32(block, body);
        if (count > body.remaining() / 4) {
            throw new IOException(String.format("the %s claims %d comments, but only %d bytes of it are left for them",
                    block, count, body.remaining()));
        }
        for (long i = 0; i < count; i++) {
            skipField(block + "'s comment " + (i + 1), body);
        }
    }

    /**
     * A FLAC PICTURE block (RFC 9639, section 8.8), big-endian, from the first bytes of its body: the fields before the
     * picture data, and the data's length against what the block has left.
     */
    private static void picture(String block, ByteBuffer head, int blockBytes) throws IOException {
        uint32(block, head);
        skipField(block + "'s media type", head);
        skipField(block + "'s description", head);
        for (int i = 0; i < 4; i++) {
            uint32(block, head);
        }
        long data = uint32(block, head);
        if (data > blockBytes - head.position()) {
            throw new IOException(String.format("the %s's picture data claims %d bytes, but only %d are left in its "
                    + "block", block, data, blockBytes - head.position()));
        }
    }

    /** The first Ogg logical stream's second packet, the Vorbis comment header, once its pages are put together. */
    private static void oggVorbis(FileChannel channel) throws IOException {
        ByteBuffer comment = ByteBuffer.allocate(0);
        int packet = 0;
        long serial = -1;
        long at = 0;
        while (at + OggPage.FIXED_HEADER_BYTES <= channel.size()) {
            OggPage page = OggPage.parse(Bytes.readUpTo(channel, at, OggPage.MAX_HEADER_BYTES), 0);
            if (page == null) {
                break;
            }
            long pageSerial = page.serialNumber();
            serial = serial < 0 ? pageSerial : serial;
            long body = at + page.headerBytes();
            for (int segment = 0; segment < page.segments(); segment++) {
                int lacing = page.lacing(segment);
                if (pageSerial == serial && packet == 1) {
                    if (comment.position() + lacing > MAX_OGG_COMMENT_BYTES) {
                        throw new IOException("the Ogg Vorbis comment header is larger than "
                                + (MAX_OGG_COMMENT_BYTES >> 20) + " MiB");
                    }
                    comment = append(comment, Bytes.readUpTo(channel, body, lacing));
                }
                if (pageSerial == serial && lacing < 255 && packet++ == 1) {
                    vorbisCommentHeader(comment.flip());
                    return;
                }
                body += lacing;
            }
            at = body;
        }
        if (packet == 1) {
            vorbisCommentHeader(comment.flip());
        }
    }

    /** A Vorbis comment header: packet type 3, "vorbis", then the comment block. */
    private static void vorbisCommentHeader(ByteBuffer packet) throws IOException {
        if (packet.remaining() >= 7 && packet.get(0) == 3) {
            vorbisComment("Ogg Vorbis comment header", packet.position(7).slice());
        }
    }

    private static ByteBuffer append(ByteBuffer packet, byte[] bytes) {
        ByteBuffer grown = packet.remaining() >= bytes.length ? packet
                : ByteBuffer.allocate(Math.max(packet.capacity() * 2, packet.position() + bytes.length))
                        .put(packet.flip());
        return grown.put(bytes);
    }

    /** The boxes between {@code from} and {@code to}, and the boxes inside the containers among them. */
    private static void mp4(FileChannel channel, long from, long to, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("the MP4 boxes nest deeper than " + MAX_DEPTH);
        }
        for (long at = from; at + 8 <= to; ) {
            Mp4BoxHeader box = Mp4BoxHeader.read(channel, at, to);
            if (box == null) {
                return;
            }
            long size = box.size();
            String type = box.type();
            int headerBytes = box.headerBytes();
            boolean fits = size >= headerBytes && size <= to - at;
            if (!fits && type.equals("mdat")) {
                return;
            }
            if (!fits) {
                throw new IOException(String.format("the MP4 %s box at byte %d claims %d bytes, but %s", type, at,
                        size, size < headerBytes ? "its header alone takes " + headerBytes
                                : "only " + (to - at) + " are left in what holds it"));
            }
            if (type.equals("moov") && size > Mp4Box.MAX_MOOV_BYTES) {
                throw new IOException("the MP4 moov box is larger than " + (Mp4Box.MAX_MOOV_BYTES >> 20) + " MiB");
            }
            long body = at + headerBytes;
            if (type.equals("meta") && isFullBox(channel, body, at + size)) {
                body += 4;
            }
            if (MP4_CONTAINERS.contains(type) || depth > 0 && isIlstItem(channel, body, at + size)) {
                mp4(channel, body, at + size, depth + 1);
            }
            at += size;
        }
    }

    /** A {@code meta} box is a full box (version and flags first) in MP4 files, a plain one in QuickTime files. */
    private static boolean isFullBox(FileChannel channel, long body, long end) throws IOException {
        byte[] head = Bytes.readUpTo(channel, body, 12);
        return head.length == 12 && !(Bytes.startsWith(head, 4, "hdlr") && end - body >= 8);
    }

    /** Whether the box's body starts with a {@code data} box, as an {@code ilst} item's does. */
    private static boolean isIlstItem(FileChannel channel, long body, long end) throws IOException {
        byte[] head = Bytes.readUpTo(channel, body, 8);
        return end - body >= 8 && head.length == 8 && (Bytes.startsWith(head, 4, "data")
                || Bytes.startsWith(head, 4, "mean"));
    }

    /** The chunks of a RIFF or IFF file: a 12-byte form header, then each chunk's id, size and body (padded even). */
    private static void chunks(FileChannel channel, ByteOrder order, String format) throws IOException {
        long size = channel.size();
        for (long at = 12; at + 8 <= size; ) {
            ByteBuffer header = ByteBuffer.wrap(Bytes.readUpTo(channel, at, 8)).order(order);
            String id = new String(header.array(), 0, 4, StandardCharsets.ISO_8859_1);
            long length = header.getInt(4) & 0xFFFFFFFFL;
            long left = size - at - 8;
            if (length > left && !id.equals("data") && !id.equals("SSND")) {
                throw new IOException(String.format("the %s chunk '%s' at byte %d claims %d bytes, but only %d are "
                        + "left in the file", format, id.strip(), at, length, left));
            }
            at += 8 + length + (length & 1);
        }
    }

    /**
     * A DSF file: JAudioTagger 3.0.1 allocates the fmt chunk's claimed size, and everything from the metadata pointer
     * to the end of the file as the ID3v2 tag; the pointer must lie past the audio data, as the format has it.
     */
    private static void dsf(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer dsd = ByteBuffer.wrap(Bytes.readUpTo(channel, 0, DSF_DSD_CHUNK_BYTES + DSF_CHUNK_HEADER_BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        if (dsd.limit() < DSF_DSD_CHUNK_BYTES + DSF_CHUNK_HEADER_BYTES) {
            throw new IOException("the file ends inside the DSF DSD or fmt chunk header");
        }
        long metadata = dsd.getLong(20);
        long fmtBytes = dsd.getLong(DSF_DSD_CHUNK_BYTES + 4);
        fits("DSF fmt chunk", fmtBytes, size - DSF_DSD_CHUNK_BYTES);
        if (fmtBytes < DSF_CHUNK_HEADER_BYTES) {
            throw new IOException("the DSF fmt chunk claims " + fmtBytes + " bytes, fewer than its header takes");
        }
        long dataAt = DSF_DSD_CHUNK_BYTES + fmtBytes;
        ByteBuffer data = ByteBuffer.wrap(Bytes.readUpTo(channel, dataAt, DSF_CHUNK_HEADER_BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        long audioEnd = data.limit() == DSF_CHUNK_HEADER_BYTES && Bytes.startsWith(data.array(), 0, "data")
                ? dataAt + data.getLong(4) : dataAt;
        if (metadata == 0 || metadata >= size) {
            return;
        }
        if (metadata < audioEnd) {
            throw new IOException(String.format("the DSF metadata pointer claims the ID3v2 tag at byte %d, inside the "
                    + "audio data, which ends at byte %d", metadata, audioEnd));
        }
        if (size - metadata > MAX_DSF_METADATA_BYTES) {
            throw new IOException("the DSF metadata chunk (its ID3v2 tag) is larger than "
                    + (MAX_DSF_METADATA_BYTES >> 20) + " MiB");
        }
    }

    /**
     * @param what the header or field, as the message names it
     * @param claimed the bytes it claims
     * @param left the bytes left in what holds it
     * @throws IOException if the claim is more than is left
     */
    static void fits(String what, long claimed, long left) throws IOException {
        if (claimed > left) {
            throw new IOException(String.format("the %s claims %d bytes, but only %d are left in the file", what,
                    claimed, Math.max(0, left)));
        }
    }

    private static long uint32(String what, ByteBuffer body) throws IOException {
        if (body.remaining() < 4) {
            throw new IOException("the " + what + " ends early");
        }
        return body.getInt() & 0xFFFFFFFFL;
    }

    private static void skipField(String what, ByteBuffer body) throws IOException {
        long length = uint32(what, body);
        if (length > body.remaining()) {
            throw new IOException(String.format("the %s claims %d bytes, but only %d are left in its block", what,
                    length, body.remaining()));
        }
        body.position(body.position() + (int) length);
    }
}
