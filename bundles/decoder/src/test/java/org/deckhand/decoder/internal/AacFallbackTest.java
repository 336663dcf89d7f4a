package org.deckhand.decoder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.deckhand.api.audio.DecodedAudio;
import org.junit.jupiter.api.Test;

/**
 * An M4A of the corpus with a frame that JAAD 0.9.8 rejects (a spectral value of 8191, one past its table): with
 * ffmpeg installed the rest of the file comes from ffmpeg, so the analysis never sees the hole; without it, JAAD's
 * silence stands in for the frame.
 */
class AacFallbackTest {

    /** The corpus file; JAAD fails on its frame at byte 379,384, about 5.5 s in. */
    private static final String FILE = "real-formats/m4a-aac/01 - Zoë Testwell - Morning Drive.m4a";
    private static final int AAC_FRAME = 1024;

    @Test
    void ffmpegDecodesTheRestOfAFileWhoseFrameJaadRejectsAndNoSilenceIsLeft() throws IOException {
        TestCorpus.Entry entry = TestCorpus.manifest(TestCorpus.folder()).get(FILE);
        assumeTrue(entry != null, FILE + " is not in the corpus");
        Optional<Path> ffmpeg = FfmpegExecutable.find(System.getenv("PATH"));
        assumeTrue(ffmpeg.isPresent(), "ffmpeg is not installed");

        Decoded jaadAlone = decode(new FileAudioDecoder(Optional::empty), entry.file());
        Decoded withFallback = decode(new FileAudioDecoder(() -> ffmpeg), entry.file());
        float[][] reference = Pcm.ffmpeg(entry.file(), jaadAlone.samples.length);

        int hole = silentFrameWhereFfmpegHearsSound(jaadAlone.samples[0], reference[0]);
        assertTrue(hole >= 0, "JAAD alone leaves no silent frame: the file no longer shows the failure");
        assertEquals("jaad", jaadAlone.decoderName);

        assertEquals("ffmpeg", withFallback.decoderName);
        assertEquals(entry.sha256(), withFallback.sha256, "SHA-256 of the whole file");
        assertEquals(reference[0].length, withFallback.samples[0].length, AAC_FRAME, "frames against ffmpeg's");
        int from = Math.max(0, hole - 4 * AAC_FRAME);
        int n = Math.min(reference[0].length, withFallback.samples[0].length) - from;
        for (int c = 0; c < reference.length; c++) {
            double correlation = Pcm.correlation(withFallback.samples[c], reference[c], from, n, 0);
            assertTrue(correlation > 0.999, "channel " + c + " from the hole on against ffmpeg's decode: "
                    + correlation);
            assertEquals(1, Pcm.rms(withFallback.samples[c], hole, AAC_FRAME) / Pcm.rms(reference[c], hole,
                    AAC_FRAME), 0.01, "channel " + c + " level in the frame JAAD rejects");
        }
    }

    /**
     * @return the start of the first run of a frame of zeros in {@code ours} where ffmpeg's decode is not silent, or
     *     -1
     */
    private static int silentFrameWhereFfmpegHearsSound(float[] ours, float[] reference) {
        int n = Math.min(ours.length, reference.length);
        int run = 0;
        for (int i = 0; i < n; i++) {
            run = ours[i] == 0 ? run + 1 : 0;
            int start = i - AAC_FRAME + 1;
            if (run == AAC_FRAME && Pcm.rms(reference, start, AAC_FRAME) > 1e-3) {
                return start;
            }
        }
        return -1;
    }

    private static Decoded decode(FileAudioDecoder decoder, Path file) throws IOException {
        try (DecodedAudio audio = decoder.open(file)) {
            float[][] samples = Pcm.readAll(audio);
            return new Decoded(samples, audio.decoderName(), audio.sha256());
        }
    }

    private record Decoded(float[][] samples, String decoderName, String sha256) {
    }
}
