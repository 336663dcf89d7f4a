package org.deckhand.tags.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.media.OggPage;
import org.jaudiotagger.audio.exceptions.CannotReadException;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentReader;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTag;

/**
 * Reads an Ogg Opus file (RFC 7845), which JAudioTagger 3.0 does not support: the identification header
 * ({@code OpusHead}) for the channels, the comment header ({@code OpusTags}, a Vorbis comment) for the tags, and the
 * granule position of the last page for the duration.
 *
 * @param audio the audio facts
 * @param tag the comment header, decoded by JAudioTagger's Vorbis comment reader
 */
record OggOpusFile(AudioProperties audio, VorbisCommentTag tag) {

    /** Opus granule positions count samples at 48 kHz, whatever the input rate (RFC 7845 section 4). */
    private static final int GRANULE_RATE = 48_000;
    /** The bytes of "OpusTags" at the start of the comment header. */
    private static final int TAGS_MAGIC = 8;
    /** The largest comment header read, pictures included. */
    private static final int MAX_TAGS_BYTES = 16 << 20;
    /** How far from the end the last page header is looked for (a page is at most 65,307 bytes). */
    private static final int TAIL = 65_536 + OggPage.MAX_HEADER_BYTES;

    /**
     * @param file an Ogg Opus file
     * @return its audio facts and tags
     * @throws IOException if the file cannot be read or its headers are incomplete
     * @throws CannotReadException if the comment header is malformed
     */
    static OggOpusFile read(Path file) throws IOException, CannotReadException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            PacketReader packets = new PacketReader(channel);
            byte[] head = packets.next(64);
            if (head.length < 19 || !Bytes.startsWith(head, 0, "OpusHead")) {
                throw new EOFException("the Opus identification header is missing");
            }
            int channels = head[9] & 0xFF;
            long preSkip = (head[10] & 0xFF) | (head[11] & 0xFF) << 8;
            byte[] tags = packets.next(MAX_TAGS_BYTES);
            if (!Bytes.startsWith(tags, 0, "OpusTags")) {
                throw new EOFException("the Opus comment header is missing");
            }
            checkVendorLength(tags);
            VorbisCommentTag tag = new VorbisCommentReader().read(
                    Arrays.copyOfRange(tags, TAGS_MAGIC, tags.length), false, file);
            long granule = lastGranule(channel);
            double duration = granule > preSkip ? (granule - preSkip) / (double) GRANULE_RATE : Double.NaN;
            int bitrate = Double.isNaN(duration) ? 0 : (int) Math.round(channel.size() * 8 / duration / 1000);
            return new OggOpusFile(new AudioProperties("opus", duration, bitrate, GRANULE_RATE, 0, channels, false),
                    tag);
        }
    }

    /**
     * JAudioTagger allocates the vendor string's claimed length before it checks it against the header: a damaged
     * length would ask for up to 4 GB.
     *
     * @param tags the comment header: "OpusTags", the vendor string's length (32-bit little-endian) and the string,
     *     then the comment count (RFC 7845 section 5.2)
     * @throws CannotReadException if the vendor string and the comment count do not fit in the header
     */
    private static void checkVendorLength(byte[] tags) throws CannotReadException {
        long vendorBytes = tags.length < TAGS_MAGIC + 4 ? -1
                : Integer.toUnsignedLong(ByteBuffer.wrap(tags).order(ByteOrder.LITTLE_ENDIAN).getInt(TAGS_MAGIC));
        if (vendorBytes < 0 || vendorBytes > tags.length - TAGS_MAGIC - 8) {
            throw new CannotReadException("the Opus comment header is damaged (its vendor string runs past its end)");
        }
    }

    /** @return the granule position of the last page whose header is complete, or -1 */
    private static long lastGranule(FileChannel channel) throws IOException {
        long start = Math.max(0, channel.size() - TAIL);
        byte[] bytes = Bytes.readUpTo(channel, start, (int) (channel.size() - start));
        for (int i = bytes.length - OggPage.FIXED_HEADER_BYTES; i >= 0; i--) {
            long granule = OggPage.granulePosition(bytes, i);
            if (granule >= 0) {
                return granule;
            }
        }
        return -1;
    }

    /** Reassembles packets from the pages of a single logical stream, from the start of the file. */
    private static final class PacketReader {

        private final FileChannel channel;
        private long position;
        private int[] lacing = new int[0];
        private int segment;

        PacketReader(FileChannel channel) {
            this.channel = channel;
        }

        byte[] next(int maxBytes) throws IOException {
            ByteArrayOutputStream packet = new ByteArrayOutputStream();
            while (true) {
                while (segment == lacing.length) {
                    readPageHeader();
                }
                int length = lacing[segment++];
                if (packet.size() + length > maxBytes) {
                    throw new EOFException("an Opus header packet is larger than " + maxBytes + " bytes");
                }
                packet.write(readFully(position, length));
                position += length;
                if (length < 255) {
                    return packet.toByteArray();
                }
            }
        }

        private void readPageHeader() throws IOException {
            byte[] fixed = readFully(position, OggPage.FIXED_HEADER_BYTES);
            int headerBytes = OggPage.headerBytes(fixed, 0);
            if (headerBytes < 0) {
                throw new EOFException("an Ogg page is damaged at byte " + position);
            }
            OggPage page = OggPage.parse(readFully(position, headerBytes), 0);
            lacing = new int[page.segments()];
            for (int i = 0; i < lacing.length; i++) {
                lacing[i] = page.lacing(i);
            }
            segment = 0;
            position += headerBytes;
        }

        private byte[] readFully(long at, int length) throws IOException {
            byte[] bytes = Bytes.readUpTo(channel, at, length);
            if (bytes.length < length) {
                throw new EOFException("the file ends inside the Opus headers");
            }
            return bytes;
        }
    }
}
