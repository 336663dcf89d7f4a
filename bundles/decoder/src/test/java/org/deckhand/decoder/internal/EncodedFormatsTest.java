package org.deckhand.decoder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.deckhand.api.audio.DecodedAudio;
import org.deckhand.api.audio.UnsupportedAudioException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files that ffmpeg encodes from a test signal, in the formats and layouts the corpus lacks: the pure-Java decoders on
 * mono, 5.1 (downmixed) and moov-first MP4, and the formats that go to ffmpeg (Opus, ALAC, WMA, WavPack, ADTS AAC).
 * Each decode must match ffmpeg's own decode of the file and hash the file's bytes. Skipped without ffmpeg.
 */
class EncodedFormatsTest {

    private static final double SECONDS = 4;
    /** Six different tones in the 5.1 layout ffmpeg's encoders take (L R C LFE Ls Rs), the LFE one low. */
    private static final String SIX_TONES = "aevalsrc=0.3*sin(2*PI*220*t)|0.3*sin(2*PI*330*t)|0.3*sin(2*PI*440*t)"
            + "|0.3*sin(2*PI*55*t)|0.3*sin(2*PI*550*t)|0.3*sin(2*PI*660*t):s=44100:c=5.1";

    /** The gain of a 5.1 downmix normalised not to clip, over ffmpeg's float {@code -ac 2}: 1 / (1 + 2 * 0.7071). */
    private static final double NORMALISED_DOWNMIX_LEVEL = 1 / (1 + Math.sqrt(2));

    @TempDir
    static Path folder;

    private final FileAudioDecoder decoder = new FileAudioDecoder();

    @BeforeAll
    static void needsFfmpeg() {
        assumeTrue(FfmpegExecutable.find(System.getenv("PATH")).isPresent(), "ffmpeg is not installed");
    }

    private static Path encode(String name, String source, String... codecArgs) throws Exception {
        Path file = folder.resolve(name);
        if (Files.exists(file)) {
            return file;
        }
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-nostdin", "-f", "lavfi", "-i",
                source, "-t", Double.toString(SECONDS)));
        command.addAll(List.of(codecArgs));
        command.add(file.toString());
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, p.waitFor(), "ffmpeg encoding " + name);
        return file;
    }

    private static String music(int channels) {
        return "sine=frequency=440:sample_rate=44100,aformat=channel_layouts=" + (channels == 1 ? "mono" : "stereo")
                + ",volume=0.5,tremolo=f=3";
    }

    @ParameterizedTest(name = "{0} by {3}")
    @CsvSource({
        "mono.mp3, 1, -c:a libmp3lame -b:a 128k, jlayer",
        "stereo.ogg, 2, -c:a libvorbis, jorbis",
        "faststart.m4a, 2, -c:a aac -movflags +faststart, jaad",
        "mono.m4a, 1, -c:a aac, jaad",
        "stereo.opus, 2, -c:a libopus, ffmpeg",
        "alac.m4a, 2, -c:a alac, ffmpeg",
        "stereo.wma, 2, -c:a wmav2, ffmpeg",
        "stereo.wv, 2, -c:a wavpack, ffmpeg",
        "adts.aac, 2, -c:a aac -f adts, ffmpeg",
        "24bit.flac, 2, -c:a flac -sample_fmt s32, jflac"})
    void decodesLikeFfmpeg(String name, int channels, String codecArgs, String decoderName) throws Exception {
        Path file = encode(name, music(channels), codecArgs.split(" "));
        assertMatchesFfmpeg(file, decoderName, channels);
    }

    @ParameterizedTest(name = "5.1 {0} by {2}")
    @CsvSource({"51.flac, -c:a flac, jflac", "51.m4a, -c:a aac, jaad", "51.wav, -c:a pcm_s16le, wav",
        "51.opus, -c:a libopus, ffmpeg", "51.ogg, -c:a libvorbis, ffmpeg"})
    void fivePointOneIsDownmixedLikeFfmpeg(String name, String codecArgs, String decoderName) throws Exception {
        Path file = encode(name, SIX_TONES, codecArgs.split(" "));
        assertMatchesFfmpeg(file, decoderName, 2, NORMALISED_DOWNMIX_LEVEL);
    }

    private void assertMatchesFfmpeg(Path file, String decoderName, int channels) throws Exception {
        assertMatchesFfmpeg(file, decoderName, channels, 1);
    }

    /**
     * @param level our level over ffmpeg's {@code -ac} output: 1, or {@link #NORMALISED_DOWNMIX_LEVEL} for a 5.1
     *     downmix, which ffmpeg leaves unnormalised in float
     */
    private void assertMatchesFfmpeg(Path file, String decoderName, int channels, double level) throws Exception {
        float[][] ours;
        try (DecodedAudio audio = decoder.open(file)) {
            assertEquals(decoderName, audio.decoderName());
            assertEquals(channels, audio.format().channels());
            ours = Pcm.readAll(audio);
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file))), audio.sha256(), "SHA-256");
        }
        float[][] reference = Pcm.ffmpeg(file, channels);
        assertEquals(reference[0].length, ours[0].length, 1024, "frames against ffmpeg's decode");
        int n = Math.min(ours[0].length, reference[0].length);
        for (int c = 0; c < channels; c++) {
            double correlation = Pcm.correlation(ours[c], reference[c], 0, n, 0);
            assertTrue(correlation > 0.99, "channel " + c + " correlation with ffmpeg's decode " + correlation);
            assertEquals(level, Pcm.rms(ours[c], 0, n) / Pcm.rms(reference[c], 0, n), 0.02 * level,
                    "channel " + c + " level");
        }
    }

    /**
     * A full-scale square wave: a lossy encoder's band limit rings past full scale at each edge, and a player's decoder
     * clips it, while a loudness meter reads what the codec produced, as ffmpeg decodes it to float.
     */
    @ParameterizedTest(name = "{0} by {2}")
    @CsvSource({"square.mp3, -c:a libmp3lame -b:a 192k, jlayer", "square.ogg, -c:a libvorbis, jorbis",
        "square.m4a, -c:a aac, jaad", "square.opus, -c:a libopus, ffmpeg"})
    void overshootIsClippedUnlessAskedForAsDecoded(String name, String codecArgs, String decoderName)
            throws Exception {
        Path file = encode(name, "aevalsrc=0.99*sgn(sin(2*PI*110*t)):s=44100:c=stereo", codecArgs.split(" "));
        float[][] clipped;
        try (DecodedAudio audio = decoder.open(file)) {
            clipped = Pcm.readAll(audio);
        }
        float[][] unclipped;
        try (DecodedAudio audio = decoder.openUnclipped(file)) {
            assertEquals(decoderName, audio.decoderName());
            unclipped = Pcm.readAll(audio);
        }
        float[] reference = Pcm.ffmpeg(file, 2)[0];
        int n = Math.min(reference.length, unclipped[0].length);
        double referenceRms = Pcm.rms(reference, 0, n);
        assertEquals(1.0, Pcm.peak(clipped[0]), 1e-6, "clipped to full scale");
        assertTrue(Pcm.peak(unclipped[0]) > 1.05, "as decoded, the overshoot stays: " + Pcm.peak(unclipped[0]));
        assertEquals(referenceRms, Pcm.rms(unclipped[0], 0, n), 0.0005 * referenceRms,
                "as decoded, like ffmpeg (clipped: " + Pcm.rms(clipped[0], 0, n) + ")");
    }

    @Test
    void withoutFfmpegOpusIsUnsupportedSayingSo() throws Exception {
        Path file = encode("stereo.opus", music(2), "-c:a", "libopus");
        FileAudioDecoder withoutFfmpeg = new FileAudioDecoder(Optional::empty);
        UnsupportedAudioException e = assertThrows(UnsupportedAudioException.class, () -> withoutFfmpeg.open(file));
        assertEquals(file + ": Opus needs ffmpeg, which is not installed", e.getMessage());
    }

    @Test
    void closingMidStreamStopsFfmpeg() throws Exception {
        Path file = encode("long.wv", "sine=frequency=440:sample_rate=44100:duration=600", "-c:a", "wavpack");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (DecodedAudio audio = decoder.open(file)) {
                assertEquals(1024, audio.read(new float[1][1024], 1024));
            }
        });
    }

    @Test
    void randomBytesAreNotAudioEvenToFfmpeg() throws IOException {
        byte[] noise = new byte[10_000];
        new java.util.Random(7).nextBytes(noise);
        Path file = Files.write(folder.resolve("noise.mp3"), noise);
        UnsupportedAudioException e = assertThrows(UnsupportedAudioException.class, () -> decoder.open(file));
        assertTrue(e.getMessage().startsWith(file + ": not audio, or a format no decoder here reads; ffmpeg says: "),
                e.getMessage());
    }

    @Test
    void ffmpegFailureQuotesItsErrors() throws IOException {
        byte[] bytes = new byte[4096];
        System.arraycopy("wvpk".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, bytes, 0, 4);
        Path file = Files.write(folder.resolve("broken.wv"), bytes);
        UnsupportedAudioException e = assertThrows(UnsupportedAudioException.class, () -> decoder.open(file));
        assertTrue(e.getMessage().startsWith(file + ": ffmpeg cannot decode this WavPack file: "), e.getMessage());
    }
}
