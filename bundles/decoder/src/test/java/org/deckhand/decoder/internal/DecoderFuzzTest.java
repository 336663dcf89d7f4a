package org.deckhand.decoder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.api.audio.DecodedAudio;
import org.deckhand.testing.Allocations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the decoder's header parsers and pure-Java decoders: any bytes, opened as a music file,
 * either decode to the end as the {@link DecodedAudio} contract says (1 or 2 channels at a positive rate, blocks of 1
 * to {@code maxFrames} frames, finite samples within [-1, 1], a SHA-256 at the end) or fail with an
 * {@link IOException} whose message names the file, never another exception, an error or a hang, and without
 * allocating more than the server's whole heap for a file of a few kilobytes (a decoder that believes a header's
 * claimed size). ffmpeg is left out: the formats it would take fail as "needs ffmpeg". A plain {@code mvn test} runs
 * the seeds and the kept findings in {@code DecoderFuzzTestInputs}; {@code mvn test -Dfuzz} fuzzes
 * (docs/fuzzing.md).
 */
class DecoderFuzzTest {

    /** The server's default heap (bin/deckhand's -Xmx160m): a reader that allocates more for one file fails. */
    private static final long ALLOCATION_BUDGET_BYTES = 160L << 20;
    private static final int MAX_FRAMES = 4096;
    private static final FileAudioDecoder DECODER = new FileAudioDecoder(Optional::empty);
    private static final Path FILE = scratchFile();

    @AfterAll
    static void removeScratchFile() throws IOException {
        Files.deleteIfExists(FILE);
    }

    @Timeout(30)
    @FuzzTest(maxDuration = "30s")
    void decodesAnyBytesOrSaysWhyNot(byte[] content) throws Exception {
        Files.write(FILE, content);
        long allocated = Allocations.of(DecoderFuzzTest::decodeToTheEnd);
        assertTrue(allocated <= ALLOCATION_BUDGET_BYTES, () -> "decoding " + content.length + " bytes allocated "
                + allocated + " bytes");
    }

    private static void decodeToTheEnd() throws IOException {
        DecodedAudio audio;
        try {
            audio = DECODER.open(FILE);
        } catch (IOException e) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(FILE.toString()), e::toString);
            return;
        }
        try (audio) {
            PcmFormat format = audio.format();
            assertTrue(format.channels() == 1 || format.channels() == 2, format::toString);
            assertTrue(format.sampleRateHz() > 0, format::toString);
            float[][] into = new float[format.channels()][MAX_FRAMES];
            for (int n = audio.read(into, MAX_FRAMES); n != -1; n = audio.read(into, MAX_FRAMES)) {
                if (n < 1 || n > MAX_FRAMES) {
                    fail("read " + n + " frames");
                }
                for (float[] channel : into) {
                    for (int i = 0; i < n; i++) {
                        if (!(channel[i] >= -1f && channel[i] <= 1f)) {
                            fail("sample " + channel[i]);
                        }
                    }
                }
            }
            assertEquals(64, audio.sha256().length());
        } catch (IOException e) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(FILE.toString()), e::toString);
        }
    }

    private static Path scratchFile() {
        try {
            return Files.createTempFile("decoder-fuzz", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
