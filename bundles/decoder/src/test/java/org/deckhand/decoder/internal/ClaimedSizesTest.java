package org.deckhand.decoder.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.deckhand.api.audio.DecodedAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of the corpus whose headers are rewritten to claim absurd sizes: a decoder must not allocate what a header
 * claims before it checks the claim against what the file holds. Before these checks, each of these files made the
 * JVM run out of memory.
 */
class ClaimedSizesTest {

    private static final int TWO_BILLION = 0x7FFF_FFFF;

    @TempDir
    Path folder;

    private final FileAudioDecoder decoder = new FileAudioDecoder();

    @Test
    void flacWhoseVorbisCommentClaimsTwoBillionCommentsDecodesAsTheOriginal() throws Exception {
        Path original = firstOf("real-formats/flac", ".flac");
        byte[] bytes = Files.readAllBytes(original);
        int block = flacBlock(bytes, 4);
        int vendorBytes = ByteBuffer.wrap(bytes, block, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer.wrap(bytes, block + 4 + vendorBytes, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(TWO_BILLION);
        Path crafted = write("claims-two-billion-comments.flac", bytes);

        float[][] expected;
        try (DecodedAudio audio = decoder.open(original)) {
            expected = Pcm.readAll(audio);
        }
        try (DecodedAudio audio = decoder.open(crafted)) {
            float[][] decoded = Pcm.readAll(audio);
            assertEquals(expected.length, decoded.length);
            for (int c = 0; c < expected.length; c++) {
                assertArrayEquals(expected[c], decoded[c], "channel " + c);
            }
            assertEquals(sha256(bytes), audio.sha256(), "the digest covers the skipped blocks");
        }
    }

    @Test
    void flacMetadataBlockClaimingMoreThanTheFileIsRefusedNamingFileAndBlock() throws Exception {
        byte[] bytes = Files.readAllBytes(firstOf("real-formats/flac", ".flac"));
        int block = flacBlock(bytes, 4);
        bytes[block - 3] = (byte) 0xFF;
        bytes[block - 2] = (byte) 0xFF;
        bytes[block - 1] = (byte) 0xFF;
        Path crafted = write("block-past-the-end.flac", bytes);

        IOException e = assertThrows(IOException.class, () -> decoder.open(crafted));
        assertTrue(e.getMessage().contains("block-past-the-end.flac") && e.getMessage().contains("VORBIS_COMMENT")
                && e.getMessage().contains("16777215 bytes"), e.getMessage());
    }

    @Test
    void oggVorbisWhoseCommentHeaderClaimsTwoBillionCommentsDecodesAsTheOriginal() throws Exception {
        Path original = firstOf("broken", ".ogg");
        byte[] bytes = Files.readAllBytes(original);
        int page = oggPage(bytes, 1);
        int packet = page + 27 + (bytes[page + 26] & 0xFF);
        assertEquals(3, bytes[packet], "the second page starts with the comment header");
        int vendorBytes = ByteBuffer.wrap(bytes, packet + 7, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer.wrap(bytes, packet + 11 + vendorBytes, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(TWO_BILLION - 1);
        OggCrc.update(bytes, page);
        Path crafted = write("claims-two-billion-comments.ogg", bytes);

        try (DecodedAudio expected = decoder.open(original); DecodedAudio audio = decoder.open(crafted)) {
            assertEquals("jorbis", audio.decoderName());
            float[][] want = Pcm.readAll(expected);
            float[][] decoded = Pcm.readAll(audio);
            assertArrayEquals(want[0], decoded[0]);
        }
    }

    @Test
    void mp4WhoseSampleTableClaimsTwoBillionSamplesIsRefusedNamingFileAndBox() throws Exception {
        byte[] bytes = Files.readAllBytes(firstOf("real-formats/m4a-aac", ".m4a"));
        int stsz = indexOf(bytes, "stsz");
        ByteBuffer.wrap(bytes, stsz + 16, 4).putInt(TWO_BILLION);
        Path crafted = write("claims-two-billion-samples.m4a", bytes);

        IOException e = assertThrows(IOException.class, () -> decoder.open(crafted).close());
        assertTrue(e.getMessage().contains("claims-two-billion-samples.m4a") && e.getMessage().contains("stsz")
                && e.getMessage().contains("2147483647 entries"), e.getMessage());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(folder.resolve(name), bytes);
    }

    private static Path firstOf(String folder, String extension) throws IOException {
        try (Stream<Path> files = Files.list(TestCorpus.folder().resolve(folder))) {
            return files.filter(f -> f.toString().endsWith(extension)).sorted().findFirst().orElseThrow();
        }
    }

    /** @return the offset of the body of a FLAC file's first metadata block of that type */
    private static int flacBlock(byte[] bytes, int type) {
        int at = 4;
        while (true) {
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

    /** @return the offset of the Ogg page with that number, counting from 0 */
    private static int oggPage(byte[] bytes, int number) {
        int at = 0;
        for (int i = 0; i < number; i++) {
            at += OggCrc.pageBytes(bytes, at);
        }
        return at;
    }

    private static int indexOf(byte[] bytes, String type) {
        for (int i = 0; i + 4 <= bytes.length; i++) {
            if (bytes[i] == type.charAt(0) && bytes[i + 1] == type.charAt(1) && bytes[i + 2] == type.charAt(2)
                    && bytes[i + 3] == type.charAt(3)) {
                return i - 4;
            }
        }
        throw new IllegalStateException("no " + type + " box");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The Ogg page checksum (RFC 3533, section 6: CRC-32, polynomial 0x04C11DB7, not reflected, initial 0). */
    private static final class OggCrc {

        private OggCrc() {
        }

        static int pageBytes(byte[] bytes, int page) {
            int segments = bytes[page + 26] & 0xFF;
            int body = 0;
            for (int i = 0; i < segments; i++) {
                body += bytes[page + 27 + i] & 0xFF;
            }
            return 27 + segments + body;
        }

        static void update(byte[] bytes, int page) {
            int length = pageBytes(bytes, page);
            ByteBuffer.wrap(bytes, page + 22, 4).putInt(0);
            int crc = 0;
            for (int i = page; i < page + length; i++) {
                crc ^= (bytes[i] & 0xFF) << 24;
                for (int bit = 0; bit < 8; bit++) {
                    crc = (crc & 0x8000_0000) != 0 ? crc << 1 ^ 0x04C1_1DB7 : crc << 1;
                }
            }
            ByteBuffer.wrap(bytes, page + 22, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(crc);
        }
    }
}
