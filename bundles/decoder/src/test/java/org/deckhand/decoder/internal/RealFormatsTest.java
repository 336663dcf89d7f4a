package org.deckhand.decoder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.deckhand.api.audio.DecodedAudio;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the corpus's {@code real-formats} folder (MP3 CBR and VBR, FLAC 24-bit, WAV, AIFF, AAC in M4A, Opus):
 * decoded by the expected decoder, as long as ffprobe says, sample for sample what ffmpeg decodes, and hashed as the
 * manifest says.
 */
class RealFormatsTest {

    /**
     * Allowed difference from ffprobe's duration, seconds. ffprobe counts an MP3's information frame, encoder delay and
     * end padding (1152 + 1105 + up to 1152 samples), which we drop as ffmpeg's decoder does; ffmpeg's AAC decoder
     * and ours differ by up to one frame at the end (1024 samples). ffprobe's Opus duration counts the pre-skip (312
     * samples here) and ignores the end trimming, which ffmpeg's decoder applies.
     */
    private static final double MP3_TOLERANCE_SECONDS = 0.060;
    private static final double AAC_TOLERANCE_SECONDS = 0.024;
    private static final double OPUS_TOLERANCE_SECONDS = 0.020;
    private static final double OTHER_TOLERANCE_SECONDS = 0.001;

    private final FileAudioDecoder decoder = new FileAudioDecoder();

    static Stream<Arguments> files() {
        Map<String, TestCorpus.Entry> manifest = TestCorpus.manifest(TestCorpus.folder());
        return manifest.entrySet().stream().filter(e -> e.getKey().startsWith("real-formats/"))
                .map(e -> Arguments.of(e.getKey().split("/")[1], e.getValue()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("files")
    void decodesLikeFfmpeg(String format, TestCorpus.Entry entry) throws IOException {
        Path file = entry.file();
        float[][] ours;
        String sha256;
        int rateHz;
        try (DecodedAudio audio = decoder.open(file)) {
            assertTrue(expectedDecoders(format).contains(audio.decoderName()), audio.decoderName());
            ours = Pcm.readAll(audio);
            sha256 = audio.sha256();
            rateHz = audio.format().sampleRateHz();
        }
        assertEquals(entry.sha256(), sha256, "SHA-256");
        double seconds = ours[0].length / (double) rateHz;
        double tolerance = format.startsWith("mp3") ? MP3_TOLERANCE_SECONDS
                : format.startsWith("m4a") ? AAC_TOLERANCE_SECONDS
                : format.equals("opus") ? OPUS_TOLERANCE_SECONDS : OTHER_TOLERANCE_SECONDS;
        assertEquals(entry.durationSeconds(), seconds, tolerance, "duration against ffprobe's, s");

        float[][] reference = Pcm.ffmpeg(file, ours.length);
        int n = Math.min(ours[0].length, reference[0].length);
        assertTrue(Math.abs(ours[0].length - reference[0].length) <= (format.startsWith("m4a") ? 1024 : 0),
                "frames: ours " + ours[0].length + ", ffmpeg's " + reference[0].length);
        for (int c = 0; c < ours.length; c++) {
            double correlation = Pcm.correlation(ours[c], reference[c], 0, n, 0);
            assertTrue(correlation > minimumCorrelation(format), "channel " + c + " correlation with ffmpeg's decode " + correlation);
            double rmsRatio = Pcm.rms(ours[c], 0, n) / Pcm.rms(reference[c], 0, n);
            assertEquals(1, rmsRatio, 0.01, "channel " + c + " level against ffmpeg's decode");
        }
    }

    /**
     * Every format matches ffmpeg's decode to 0.999 or better, AAC included: where JAAD rejects a frame, ffmpeg decodes
     * the rest of the file (see {@link AacFallbackTest}).
     */
    private static double minimumCorrelation(String format) {
        return 0.999;
    }

    /** The AAC files whose frames JAAD rejects are finished by ffmpeg, which these tests need anyway. */
    private static Set<String> expectedDecoders(String format) {
        return switch (format) {
            case "mp3-cbr320", "mp3-vbr" -> Set.of("jlayer");
            case "flac" -> Set.of("jflac");
            case "m4a-aac" -> Set.of("jaad", "ffmpeg");
            case "opus" -> Set.of("ffmpeg");
            default -> Set.of(format);
        };
    }
}
