package org.deckhand.tags.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the sizes that an MP4 file's top-level boxes claim (ISO/IEC 14496-12 section 4.2: a 32-bit size, 1 for a
 * 64-bit size after the type, 0 for "to the end of the file") before JAudioTagger 3.0.1 reads them: it allocates a
 * buffer of the claimed size of {@code ftyp} and {@code moov}, so a damaged size would ask for up to 4 GB. The
 * {@code mdat} box, which holds the audio, may claim more than a truncated file holds; what follows {@code moov},
 * JAudioTagger does not read whole.
 */
final class Mp4Boxes {

    private static final int BOX_HEADER = 8;
    private static final int LARGE_BOX_HEADER = 16;

    private Mp4Boxes() {
    }

    /**
     * @param file an MP4 file
     * @return what is wrong with the first top-level box up to {@code moov}, other than {@code mdat}, that claims more
     *     bytes than the file holds after its start, or less than its own header; empty when every box fits
     * @throws IOException if the file cannot be read
     */
    static Optional<String> oversized(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            long position = 0;
            while (position + BOX_HEADER <= fileSize) {
                byte[] header = Bytes.readUpTo(channel, position, LARGE_BOX_HEADER);
                long size = Bytes.readUint32(header, 0);
                int headerBytes = BOX_HEADER;
                if (size == 1) {
                    if (header.length < LARGE_BOX_HEADER) {
                        return Optional.of("the MP4 box " + type(header) + " ends inside its header");
                    }
                    size = (Bytes.readUint32(header, 8) << 32) | Bytes.readUint32(header, 12);
                    headerBytes = LARGE_BOX_HEADER;
                } else if (size == 0) {
                    size = fileSize - position;
                }
                boolean audio = Bytes.startsWith(header, 4, "mdat");
                if (size < headerBytes || (!audio && size > fileSize - position)) {
                    return Optional.of(String.format(Locale.ROOT, "the MP4 box %s at byte %d claims %d bytes, and "
                            + "the file holds %d from there", type(header), position, size, fileSize - position));
                }
                if (Bytes.startsWith(header, 4, "moov") || (audio && size > fileSize - position)) {
                    return Optional.empty();
                }
                position += size;
            }
            return Optional.empty();
        }
    }

    private static String type(byte[] header) {
        String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
        return type.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? "'" + type + "'" : "of an unreadable type";
    }
}
