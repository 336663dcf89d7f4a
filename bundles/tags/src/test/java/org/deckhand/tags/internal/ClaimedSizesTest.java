package org.deckhand.tags.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.deckhand.api.library.TagWriteException;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.TrackMetadata;
import org.deckhand.api.library.UnreadableAudioException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of the corpus with one length or count in a header rewritten to an absurd claim. JAudioTagger allocated each
 * claim and ran the server out of memory; now the claim is checked first, and the file is read without its tags, or
 * reported, with a reason that names the header and the claim.
 */
class ClaimedSizesTest {

    private static final int CLAIM = 0x7FFF_FFF0;
    /** A PNG image of one black pixel. */
    private static final String ONE_PIXEL_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgAB"
            + "SK+kcQAAAABJRU5ErkJggg==";
    private static final JaudiotaggerTagReader READER = new JaudiotaggerTagReader();

    @TempDir
    Path folder;

    @AfterAll
    static void deactivate() {
        READER.deactivate();
    }

    @Test
    void flacWhoseVorbisCommentClaimsTwoBillionCommentsKeepsItsAudioFactsWithoutTags() throws Exception {
        byte[] bytes = corpusFile("real-formats/flac", ".flac");
        int block = flacBlock(bytes, 4);
        int vendor = ByteBuffer.wrap(bytes, block, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer.wrap(bytes, block + 4 + vendor, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(0x7FFF_FFFF);

        TrackMetadata metadata = READER.read(write("comments.flac", bytes));

        assertEquals(Tags.NONE, metadata.tags());
        assertEquals(30, metadata.audio().durationSeconds(), 0.1);
        assertTrue(metadata.warnings().stream().anyMatch(w -> w.contains("VORBIS_COMMENT")
                && w.contains("claims 2147483647 comments")), metadata.warnings().toString());
    }

    @Test
    void flacWhoseVendorStringClaimsTwoGigabytesKeepsItsAudioFactsWithoutTags() throws Exception {
        byte[] bytes = corpusFile("real-formats/flac", ".flac");
        ByteBuffer.wrap(bytes, flacBlock(bytes, 4), 4).order(ByteOrder.LITTLE_ENDIAN).putInt(CLAIM);

        TrackMetadata metadata = READER.read(write("vendor.flac", bytes));

        assertEquals(Tags.NONE, metadata.tags());
        assertTrue(metadata.warnings().stream().anyMatch(w -> w.contains("vendor string claims 2147483632 bytes")),
                metadata.warnings().toString());
    }

    @Test
    void flacWhosePictureClaimsTwoGigabytesKeepsItsAudioFactsWithoutTagsAndAnHonestPictureIsRead() throws Exception {
        Path flac = write("picture.flac", corpusFile("real-formats/flac", ".flac"));
        Path png = Files.write(folder.resolve("cover.png"), Base64.getDecoder().decode(ONE_PIXEL_PNG));
        Tools.run(List.of("metaflac", "--import-picture-from=" + png, flac.toString()));
        assertTrue(READER.read(flac).hasArtwork(), "the honest picture is read");
        byte[] bytes = Files.readAllBytes(flac);
        int picture = flacBlock(bytes, 6);
        int at = picture + 4;
        at += 4 + ByteBuffer.wrap(bytes, at, 4).getInt();
        at += 4 + ByteBuffer.wrap(bytes, at, 4).getInt() + 16;
        ByteBuffer.wrap(bytes, at, 4).putInt(CLAIM);

        TrackMetadata metadata = READER.read(write("picture-claims.flac", bytes));

        assertEquals(Tags.NONE, metadata.tags());
        assertTrue(metadata.warnings().stream().anyMatch(w -> w.contains("(PICTURE)'s picture data claims 2147483632")),
                metadata.warnings().toString());
    }

    @Test
    void oggVorbisWhoseVendorStringClaimsTwoGigabytesIsAProblemNamingIt() throws Exception {
        byte[] bytes = corpusFile("broken", ".ogg");
        int page = OggPages.offset(bytes, 1);
        int packet = page + 27 + (bytes[page + 26] & 0xFF);
        assertEquals(3, bytes[packet], "the second page starts with the comment header");
        ByteBuffer.wrap(bytes, packet + 7, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(CLAIM);
        OggPages.updateCrc(bytes, page);

        assertProblem(write("vendor.ogg", bytes), "Ogg Vorbis comment header's vendor string claims 2147483632 bytes");
    }

    @Test
    void mp4WhoseTagDataBoxClaimsTwoGigabytesIsAProblemNamingIt() throws Exception {
        byte[] bytes = corpusFile("real-formats/m4a-aac", ".m4a");
        ByteBuffer.wrap(bytes, indexOf(bytes, "data") - 4, 4).putInt(CLAIM);

        assertProblem(write("data.m4a", bytes), "the MP4 data box at byte");
    }

    @Test
    void mp4WhoseMoovBoxClaimsTwoGigabytesIsAProblemNamingIt() throws Exception {
        byte[] bytes = corpusFile("real-formats/m4a-aac", ".m4a");
        ByteBuffer.wrap(bytes, indexOf(bytes, "moov") - 4, 4).putInt(CLAIM);

        assertProblem(write("moov.m4a", bytes), "the MP4 moov box at byte");
    }

    @Test
    void aiffWhoseId3ChunkClaimsTwoGigabytesIsAProblemNamingIt() throws Exception {
        byte[] bytes = corpusFile("real-formats/aiff", ".aiff");
        ByteBuffer.wrap(bytes, indexOf(bytes, "ID3 ") + 4, 4).putInt(CLAIM);

        assertProblem(write("id3.aiff", bytes), "the AIFF chunk 'ID3' at byte");
    }

    @Test
    void tagsAreNotWrittenIntoAFileWhoseHeadersClaimTooMuch() throws Exception {
        byte[] bytes = corpusFile("real-formats/m4a-aac", ".m4a");
        ByteBuffer.wrap(bytes, indexOf(bytes, "data") - 4, 4).putInt(CLAIM);
        Path file = write("data.m4a", bytes);

        TagWriteException e = assertThrows(TagWriteException.class,
                () -> new JaudiotaggerTagWriter().writeTempoAndKey(file, 124, "8A"));

        assertTrue(e.getMessage().contains("claims 2147483632 bytes"), e.getMessage());
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(file), left.toList(), "no hidden copy is left behind");
        }
    }

    private static void assertProblem(Path file, String reason) {
        UnreadableAudioException e = assertThrows(UnreadableAudioException.class, () -> READER.read(file));
        assertTrue(e.getMessage().contains(file.getFileName().toString()) && e.getMessage().contains(reason)
                && e.getMessage().contains("2147483632"), e.getMessage());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(folder.resolve(name), bytes);
    }

    private static byte[] corpusFile(String subfolder, String extension) throws IOException {
        try (Stream<Path> files = Files.list(Tools.corpus().resolve(subfolder))) {
            return Files.readAllBytes(files.filter(f -> f.toString().endsWith(extension)).sorted().findFirst()
                    .orElseThrow());
        }
    }

    /** @return the offset of the body of a FLAC file's first metadata block of that type */
    private static int flacBlock(byte[] bytes, int type) {
        for (int at = 4; ; ) {
            int length = (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | bytes[at + 3] & 0xFF;
            if ((bytes[at] & 0x7F) == type) {
                return at + 4;
            }
            if ((bytes[at] & 0x80) != 0) {
                throw new IllegalStateException("no metadata block of type " + type);
            }
            at += 4 + length;
        }
    }

    private static int indexOf(byte[] bytes, String ascii) {
        byte[] wanted = ascii.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("no " + ascii);
    }

    /** Ogg pages (RFC 3533, section 6) and their checksum: CRC-32, polynomial 0x04C11DB7, not reflected. */
    private static final class OggPages {

        private OggPages() {
        }

        static int offset(byte[] bytes, int number) {
            int at = 0;
            for (int i = 0; i < number; i++) {
                at += length(bytes, at);
            }
            return at;
        }

        static int length(byte[] bytes, int page) {
            int segments = bytes[page + 26] & 0xFF;
            int body = 0;
            for (int i = 0; i < segments; i++) {
                body += bytes[page + 27 + i] & 0xFF;
            }
            return 27 + segments + body;
        }

        static void updateCrc(byte[] bytes, int page) {
            ByteBuffer.wrap(bytes, page + 22, 4).putInt(0);
            int crc = 0;
            for (int i = page; i < page + length(bytes, page); i++) {
                crc ^= (bytes[i] & 0xFF) << 24;
                for (int bit = 0; bit < 8; bit++) {
                    crc = (crc & 0x8000_0000) != 0 ? crc << 1 ^ 0x04C1_1DB7 : crc << 1;
                }
            }
            ByteBuffer.wrap(bytes, page + 22, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(crc);
        }
    }
}
