package org.deckhand.tags.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.deckhand.api.library.TrackMetadata;
import org.deckhand.api.library.UnreadableAudioException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WMA (ASF) and DSF files, tagged by ffmpeg and mutagen, with one length in a header rewritten to an absurd claim:
 * JAudioTagger would allocate it (2 GB for a 2 KB file); now the claim is checked first and the file is reported with
 * a reason that names the header and the claim, while the honest files still read with their tags.
 */
class AsfAndDsfClaimsTest {

    private static final int CLAIM = 0x7FFF_FFF0;
    private static final JaudiotaggerTagReader READER = new JaudiotaggerTagReader();
    /** The Metadata Library Object's GUID as an ASF file holds it (44231C94-9498-49D1-A141-1D134E457054). */
    private static final byte[] METADATA_LIBRARY = HexFormat.of().parseHex("941c23449894d149a1411d134e457054");
    private static final String MUTAGEN_DSF_TITLE = String.join("\n",
            "import sys",
            "from mutagen.dsf import DSF",
            "from mutagen.id3 import TIT2",
            "f = DSF(sys.argv[1])",
            "f.add_tags()",
            "f.tags.add(TIT2(encoding=3, text='One Bit Tone'))",
            "f.save()");
    private static final String MUTAGEN_ASF_LIBRARY_ATTRIBUTE = String.join("\n",
            "import sys",
            "from mutagen.asf import ASF, ASFUnicodeAttribute",
            "f = ASF(sys.argv[1])",
            "f['WM/Mood'] = [ASFUnicodeAttribute('calm', language=0)]",
            "f.save()");

    @TempDir
    Path folder;

    @BeforeAll
    static void tools() {
        Tools.assumeFfmpeg();
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "mutagen needs /usr/bin/python3");
    }

    @AfterAll
    static void deactivate() {
        READER.deactivate();
    }

    @Test
    void wmaWhoseHeaderObjectClaimsTwoGigabytesIsAProblemNamingIt() throws Exception {
        byte[] bytes = Files.readAllBytes(wma());
        ByteBuffer.wrap(bytes, 16, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(CLAIM);

        assertProblem(write("header.wma", bytes), "the ASF Header Object claims 2147483632 bytes");
    }

    @Test
    void wmaWhoseMetadataRecordClaimsTwoGigabytesIsAProblemNamingIt() throws Exception {
        Path honest = wma();
        mutagen(MUTAGEN_ASF_LIBRARY_ATTRIBUTE, honest);
        assertEquals("Windows Tone", READER.read(honest).tags().title(), "the honest file reads");
        byte[] bytes = Files.readAllBytes(honest);
        int library = indexOf(bytes, METADATA_LIBRARY);
        // the first description record: language, stream, name length, data type (WORDs), then its data length
        ByteBuffer.wrap(bytes, library + 24 + 2 + 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(CLAIM);

        assertProblem(write("record.wma", bytes),
                "the ASF Metadata Library Object's description record 1 data claims 2147483632 bytes");
    }

    @Test
    void dsfTaggedByMutagenReadsWithItsTagsAndAudioFacts() throws Exception {
        TrackMetadata metadata = READER.read(dsf());

        assertEquals("One Bit Tone", metadata.tags().title());
        assertEquals(2_822_400, metadata.audio().sampleRateHz());
    }

    @Test
    void dsfWhoseFmtChunkClaimsTwoGigabytesIsAProblemNamingIt() throws Exception {
        byte[] bytes = Files.readAllBytes(dsf());
        ByteBuffer.wrap(bytes, 28 + 4, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(CLAIM);

        assertProblem(write("fmt.dsf", bytes), "the DSF fmt chunk claims 2147483632 bytes");
    }

    @Test
    void dsfWhoseMetadataPointerLiesInsideItsAudioIsAProblemNamingIt() throws Exception {
        byte[] bytes = Files.readAllBytes(dsf());
        ByteBuffer.wrap(bytes, 20, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(100);

        Path file = write("pointer.dsf", bytes);
        UnreadableAudioException e = assertThrows(UnreadableAudioException.class, () -> READER.read(file));
        assertTrue(e.getMessage().contains("pointer.dsf")
                && e.getMessage().contains("DSF metadata pointer claims the ID3v2 tag at byte 100, inside the audio"),
                e.getMessage());
    }

    private Path wma() {
        Path file = folder.resolve("tone.wma");
        Tools.ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=1:sample_rate=44100", "-c:a", "wmav2",
                "-metadata", "title=Windows Tone", file.toString());
        return file;
    }

    /**
     * @return a stereo DSD64 file (DSF File Format Specification 1.01, Sony) of one block of DSD silence per channel,
     *     its ID3v2 tag written by mutagen
     */
    private Path dsf() throws IOException {
        int blockBytes = 4096;
        byte[] samples = new byte[2 * blockBytes];
        Arrays.fill(samples, (byte) 0x69);
        ByteBuffer fmt = ByteBuffer.allocate(52).order(ByteOrder.LITTLE_ENDIAN);
        fmt.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putLong(52).putInt(1).putInt(0).putInt(2).putInt(2)
                .putInt(2_822_400).putInt(1).putLong(blockBytes * 8L).putInt(blockBytes).putInt(0);
        ByteBuffer data = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        data.put("data".getBytes(StandardCharsets.US_ASCII)).putLong(12 + samples.length);
        long total = 28 + 52 + 12 + samples.length;
        ByteBuffer dsd = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
        dsd.put("DSD ".getBytes(StandardCharsets.US_ASCII)).putLong(28).putLong(total).putLong(0);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(dsd.array());
        file.write(fmt.array());
        file.write(data.array());
        file.write(samples);
        Path path = Files.write(folder.resolve("tone.dsf"), file.toByteArray());
        mutagen(MUTAGEN_DSF_TITLE, path);
        return path;
    }

    private static void mutagen(String script, Path file) {
        Tools.run(List.of("/usr/bin/python3", "-c", script, file.toString()));
    }

    private static void assertProblem(Path file, String reason) {
        UnreadableAudioException e = assertThrows(UnreadableAudioException.class, () -> READER.read(file));
        assertTrue(e.getMessage().contains(file.getFileName().toString()) && e.getMessage().contains(reason),
                e.getMessage());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(folder.resolve(name), bytes);
    }

    private static int indexOf(byte[] bytes, byte[] wanted) {
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        throw new IllegalStateException("not found: " + HexFormat.of().formatHex(wanted));
    }
}
