package org.deckhand.decoder.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.deckhand.api.audio.DecodedAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FLAC files on which jflac 1.5.2 went round its frame loop forever (an analysis worker busy until its call timeout,
 * a core spent): they decode what they hold, or fail naming the file, at once ({@link FlacFrameSearchGuard}).
 */
class DamagedFlacFramesTest {

    /** Far more than a few seconds of FLAC takes to decode; a decode still running then is the endless loop. */
    private static final Duration HANG = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    private final FileAudioDecoder decoder = new FileAudioDecoder();

    @Test
    void strayByteAfterTheLastFrameDecodesAsTheOriginal() throws Exception {
        Path original = firstFlacOfTheCorpus();
        byte[] bytes = Files.readAllBytes(original);
        byte[] withStrayByte = Arrays.copyOf(bytes, bytes.length + 1);
        withStrayByte[bytes.length] = (byte) 0xFF;
        Path damaged = Files.write(folder.resolve("stray-byte-at-the-end.flac"), withStrayByte);

        float[][] expected = decodeAll(original);
        float[][] decoded = assertTimeoutPreemptively(HANG, () -> decodeAll(damaged));
        assertEquals(expected.length, decoded.length);
        for (int c = 0; c < expected.length; c++) {
            assertArrayEquals(expected[c], decoded[c], "channel " + c);
        }
    }

    @Test
    void fuzzFindingWithABadHeaderAfterTheDeclaredSamplesEndsThere() throws Exception {
        Path finding = Files.copy(fuzzFinding("flac-endless-bad-frame-header"), folder.resolve("bad-header.flac"));

        float[][] decoded = assertTimeoutPreemptively(HANG, () -> decodeAll(finding));
        assertEquals(400, decoded[0].length, "the 400 samples its STREAMINFO declares, decoded before the damage");
    }

    @Test
    void fuzzFindingCutInsideItsFirstFrameFailsNamingTheFile() throws Exception {
        Path finding = Files.copy(fuzzFinding("flac-endless-frame-sync"), folder.resolve("cut-in-a-frame.flac"));

        IOException e = assertTimeoutPreemptively(HANG,
                () -> assertThrows(IOException.class, () -> decodeAll(finding)));
        assertTrue(e.getMessage().contains("cut-in-a-frame.flac") && e.getMessage().contains("frame header"),
                e.getMessage());
    }

    private float[][] decodeAll(Path file) throws IOException {
        try (DecodedAudio audio = decoder.open(file)) {
            return Pcm.readAll(audio);
        }
    }

    private static Path fuzzFinding(String name) throws Exception {
        return Path.of(DamagedFlacFramesTest.class.getResource("DecoderFuzzTestInputs/decodesAnyBytesOrSaysWhyNot/"
                + name).toURI());
    }

    private static Path firstFlacOfTheCorpus() throws IOException {
        try (Stream<Path> files = Files.list(TestCorpus.folder().resolve("real-formats/flac"))) {
            return files.filter(f -> f.toString().endsWith(".flac")).sorted().findFirst().orElseThrow();
        }
    }
}
