package org.deckhand.decoder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.deckhand.api.audio.DecodedAudio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An M4A of the corpus with its index first (as {@code ffmpeg -movflags +faststart} and most online stores write it),
 * cut short as an interrupted download or copy leaves it: the audio up to the cut decodes, and a file cut before its
 * first AAC frame fails with a message that names the file (before, a bare {@code EOFException}).
 */
class TruncatedMp4Test {

    private static final String FILE = "real-formats/m4a-aac/02 - Björk-like Ensemble - Jóga Variations.m4a";

    @TempDir
    Path folder;

    private final FileAudioDecoder decoder = new FileAudioDecoder(Optional::empty);
    private byte[] indexFirst;
    private int audioStart;

    @BeforeEach
    void indexFirstCopy() throws Exception {
        Path original = TestCorpus.folder().resolve(FILE);
        assumeTrue(Files.exists(original), FILE + " is not in the corpus");
        assumeTrue(FfmpegExecutable.find(System.getenv("PATH")).isPresent(), "ffmpeg is not installed");
        Path copy = folder.resolve("index-first.m4a");
        Process ffmpeg = new ProcessBuilder(List.of("ffmpeg", "-v", "error", "-nostdin", "-i", original.toString(),
                "-c", "copy", "-movflags", "+faststart", copy.toString())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, ffmpeg.waitFor(), "ffmpeg's exit status");
        indexFirst = Files.readAllBytes(copy);
        audioStart = boxOffset(indexFirst, "mdat") + 8;
    }

    @Test
    void fileCutBeforeItsFirstFrameFailsNamingTheFile() throws IOException {
        Path cut = Files.write(folder.resolve("cut-in-the-mdat-header.m4a"), Arrays.copyOf(indexFirst,
                audioStart - 4));

        IOException e = assertThrows(IOException.class, () -> decoder.open(cut).close());
        assertTrue(e.getMessage().contains("cut-in-the-mdat-header.m4a")
                && e.getMessage().contains("ends before its first AAC frame"), e.getMessage());
    }

    @Test
    void fileCutInsideItsAudioDecodesUpToTheCut() throws IOException {
        Path whole = Files.write(folder.resolve("whole.m4a"), indexFirst);
        int cutAt = audioStart + (indexFirst.length - audioStart) / 2;
        Path cut = Files.write(folder.resolve("cut-half-way.m4a"), Arrays.copyOf(indexFirst, cutAt));

        int wholeFrames = decodedFrames(whole);
        int cutFrames = decodedFrames(cut);
        assertEquals(wholeFrames / 2.0, cutFrames, wholeFrames * 0.05, "half of the audio's " + wholeFrames
                + " frames");
    }

    private int decodedFrames(Path file) throws IOException {
        try (DecodedAudio audio = decoder.open(file)) {
            return Pcm.readAll(audio)[0].length;
        }
    }

    /** @return the offset of the top-level box of that type */
    private static int boxOffset(byte[] bytes, String type) {
        int at = 0;
        while (at + 8 <= bytes.length) {
            int size = (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8
                    | bytes[at + 3] & 0xFF;
            if (new String(bytes, at + 4, 4, StandardCharsets.ISO_8859_1).equals(type)) {
                return at;
            }
            at += size;
        }
        throw new IllegalStateException("no top-level " + type + " box");
    }
}
