package org.deckhand.decoder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.deckhand.api.audio.DecodedAudio;
import org.deckhand.api.audio.UnsupportedAudioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * WAV and AIFF variants written with exact samples, the stereo downmix, the digest, and files that are not audio; no
 * corpus and no ffmpeg needed.
 */
class UncompressedFilesTest {

    private static final int FRAMES = 44_100;

    @TempDir
    Path folder;

    private final FileAudioDecoder decoder = new FileAudioDecoder(Optional::empty);

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(folder.resolve(name), bytes);
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @ParameterizedTest(name = "WAV format {0}, {1} bytes per sample, {2} channels")
    @CsvSource({"1, 1, 2", "1, 2, 1", "1, 2, 2", "1, 3, 2", "1, 4, 2", "3, 4, 2", "3, 8, 2", "65534, 3, 2"})
    void wavGivesItsSamples(int formatTag, int bytesPerSample, int channels) throws Exception {
        float[][] truth = PcmFiles.sines(channels, FRAMES);
        byte[] bytes = PcmFiles.wav(truth, formatTag, bytesPerSample, 44_100);
        assertDecodes(write("t.wav", bytes), bytes, truth, "wav", quantisation(bytesPerSample, formatTag == 3));
    }

    @ParameterizedTest(name = "AIFF compression {0}, {1} bytes per sample")
    @CsvSource(value = {"null, 2", "null, 3", "NONE, 2", "sowt, 2", "fl32, 4"}, nullValues = "null")
    void aiffGivesItsSamples(String compression, int bytesPerSample) throws Exception {
        float[][] truth = PcmFiles.sines(2, FRAMES);
        byte[] bytes = PcmFiles.aiff(truth, compression, bytesPerSample);
        assertDecodes(write("t.aiff", bytes), bytes, truth, "aiff",
                quantisation(bytesPerSample, "fl32".equals(compression)));
    }

    private static double quantisation(int bytesPerSample, boolean floating) {
        return floating ? 1e-7 : 1.0 / (1L << (8 * bytesPerSample - 1));
    }

    private void assertDecodes(Path file, byte[] bytes, float[][] truth, String decoderName, double tolerance)
            throws Exception {
        try (DecodedAudio audio = decoder.open(file)) {
            assertEquals(decoderName, audio.decoderName());
            assertEquals(44_100, audio.format().sampleRateHz());
            assertEquals(truth.length, audio.format().channels());
            float[][] samples = Pcm.readAll(audio);
            assertEquals(FRAMES, samples[0].length);
            for (int c = 0; c < truth.length; c++) {
                for (int i = 0; i < FRAMES; i++) {
                    assertEquals(truth[c][i], samples[c][i], tolerance, "channel " + c + ", frame " + i);
                }
            }
            assertEquals(sha256(bytes), audio.sha256());
        }
    }

    @Test
    void fivePointOneIsDownmixedToStereoLikeFfmpeg() throws Exception {
        float[] levels = {0.8f, -0.4f, 0.6f, 0.9f, 0.2f, -0.7f};
        float[][] constant = new float[6][1000];
        for (int c = 0; c < 6; c++) {
            java.util.Arrays.fill(constant[c], levels[c]);
        }
        Path file = write("51.wav", PcmFiles.wav(constant, 1, 2, 44_100));
        try (DecodedAudio audio = decoder.open(file)) {
            assertEquals(2, audio.format().channels());
            float[][] stereo = Pcm.readAll(audio);
            double centre = 0.70710678 / (1 + 2 * 0.70710678);
            double side = 1 / (1 + 2 * 0.70710678);
            assertEquals(side * 0.8 + centre * 0.6 + centre * 0.2, stereo[0][500], 1e-4, "left");
            assertEquals(side * -0.4 + centre * 0.6 + centre * -0.7, stereo[1][500], 1e-4, "right");
        }
    }

    @Test
    void emptyFileIsUnsupported() throws IOException {
        Path file = write("nothing.flac", new byte[0]);
        UnsupportedAudioException e = assertThrows(UnsupportedAudioException.class, () -> decoder.open(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void textIsNotAudio() throws IOException {
        Path file = write("lyrics.mp3", "Verse one\nand a chorus\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        UnsupportedAudioException e = assertThrows(UnsupportedAudioException.class, () -> decoder.open(file));
        assertTrue(e.getMessage().contains("not audio"), e.getMessage());
    }

    @Test
    void randomBytesAreNotARecognisedFormat() throws IOException {
        byte[] noise = new byte[10_000];
        new Random(7).nextBytes(noise);
        Path file = write("noise.wav", noise);
        UnsupportedAudioException e = assertThrows(UnsupportedAudioException.class, () -> decoder.open(file));
        assertTrue(e.getMessage().contains("not a recognised audio format"), e.getMessage());
    }

    @Test
    void compressedWavNeedsFfmpeg() throws IOException {
        byte[] bytes = PcmFiles.wav(PcmFiles.sines(1, 100), 1, 2, 44_100);
        bytes[20] = 0x11;
        Path file = write("adpcm.wav", bytes);
        UnsupportedAudioException e = assertThrows(UnsupportedAudioException.class, () -> decoder.open(file));
        assertTrue(e.getMessage().contains("WAV format 0x0011 needs ffmpeg, which is not installed"), e.getMessage());
    }

    @Test
    void readsInSlicesOfAnySize() throws Exception {
        float[][] truth = PcmFiles.sines(2, FRAMES);
        Path file = write("slices.wav", PcmFiles.wav(truth, 1, 2, 44_100));
        try (DecodedAudio audio = decoder.open(file)) {
            float[][] block = new float[2][7];
            int total = 0;
            for (int n = audio.read(block, 7); n >= 0; n = audio.read(block, 7)) {
                assertTrue(n >= 1 && n <= 7);
                assertEquals(truth[1][total + n - 1], block[1][n - 1], 1.0 / 32_767);
                total += n;
            }
            assertEquals(FRAMES, total);
            assertEquals(-1, audio.read(block, 7));
        }
    }
}
