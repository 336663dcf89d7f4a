package org.deckhand.mixer.internal.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deckhand.mixer.internal.testing.Ffmpeg;
import org.deckhand.mixer.internal.testing.SyntheticMusic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodersTest {

    private static final int RATE = 44_100;
    private static final double SECONDS = 10;
    /** Blocks of an odd size, as the render hands them out. */
    private static final int BLOCK = 1000;

    @TempDir
    Path folder;

    @Test
    void ffmpegDecodesTheWholeMp3WithoutAnError() throws Exception {
        Encoded mp3 = encode(new Mp3Encoder(RATE, 192), loud());
        Ffmpeg.Decoded decoded = Ffmpeg.decode(write("mix.mp3", mp3), "-f", "mp3");
        assertEquals("", decoded.errors());
        assertEquals(SECONDS, decoded.seconds(), 0.05);
    }

    @Test
    void everyMp3PieceStartsWithAFrameHeader() throws Exception {
        Encoded mp3 = encode(new Mp3Encoder(RATE, 128), loud());
        assertTrue(mp3.pieces().size() > 100, "pieces: " + mp3.pieces().size());
        for (byte[] piece : mp3.pieces()) {
            assertEquals(0xFF, piece[0] & 0xFF);
            assertEquals(0xFA, piece[1] & 0xFE);
        }
    }

    @Test
    void anMp3StreamJoinedAtAnyPieceDecodesWithoutAnError() throws Exception {
        Encoded mp3 = encode(new Mp3Encoder(RATE, 192), loud());
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        List<byte[]> pieces = mp3.pieces();
        for (byte[] piece : pieces.subList(pieces.size() / 3, pieces.size())) {
            joined.write(piece);
        }
        Ffmpeg.Decoded decoded = Ffmpeg.decode(write("joined.mp3", new Encoded(new byte[0], List.of(
                joined.toByteArray()))), "-f", "mp3");
        assertEquals("", decoded.errors());
    }

    @Test
    void ffmpegDecodesTheWholeFlacWithoutAnError() throws Exception {
        Encoded flac = encode(new FlacEncoder(RATE), loud());
        Path file = write("mix.flac", flac);
        FlacStreamInfo.writeTotalFrames(file, Math.round(SECONDS * RATE));
        Ffmpeg.Decoded decoded = Ffmpeg.decode(file);
        assertEquals("", decoded.errors());
        assertEquals(SECONDS, decoded.seconds(), 0.05);
    }

    @Test
    void aFlacStreamJoinedAtAnyPieceAfterTheHeaderDecodesWithoutAnError() throws Exception {
        Encoded flac = encode(new FlacEncoder(RATE), loud());
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        List<byte[]> pieces = flac.pieces();
        for (byte[] piece : pieces.subList(pieces.size() / 2, pieces.size())) {
            joined.write(piece);
        }
        Ffmpeg.Decoded decoded = Ffmpeg.decode(write("joined.flac", new Encoded(flac.header(), List.of(
                joined.toByteArray()))));
        assertEquals("", decoded.errors());
        assertEquals(SECONDS / 2, decoded.seconds(), 0.2);
    }

    @Test
    void ffmpegReadsTheWavStreamToItsEnd() throws Exception {
        Encoded wav = encode(new WavEncoder(RATE), loud());
        Ffmpeg.Decoded decoded = Ffmpeg.decode(write("mix.wav", wav));
        assertEquals(SECONDS, decoded.seconds(), 0.001);
    }

    @Test
    void theLimiterKeepsASumAboveFullScaleWithinIt() throws Exception {
        float[][] tooLoud = loud();
        for (float[] channel : tooLoud) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] *= 3;
            }
        }
        Encoded wav = encode(new WavEncoder(RATE), tooLoud);
        byte[] pcm = wav.pieces().get(wav.pieces().size() / 2);
        int clipped = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            int sample = (short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8));
            if (Math.abs(sample) >= Short.MAX_VALUE) {
                clipped++;
            }
        }
        assertEquals(0, clipped);
        assertEquals(0.5f, SoftLimiter.limit(0.5f));
        assertTrue(SoftLimiter.limit(3f) < 1f && SoftLimiter.limit(3f) > 0.99f);
    }

    private static float[][] loud() {
        return SyntheticMusic.render(126, 220, SECONDS, 7);
    }

    private static Encoded encode(AudioEncoder encoder, float[][] pcm) throws IOException {
        List<byte[]> pieces = new ArrayList<>();
        EncodedSink sink = (bytes, offset, length) -> {
            byte[] piece = new byte[length];
            System.arraycopy(bytes, offset, piece, 0, length);
            pieces.add(piece);
        };
        for (int start = 0; start < pcm[0].length; start += BLOCK) {
            encoder.encode(pcm, start, Math.min(BLOCK, pcm[0].length - start), sink);
        }
        encoder.finish(sink);
        return new Encoded(encoder.header(), pieces);
    }

    private Path write(String name, Encoded encoded) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(encoded.header());
        for (byte[] piece : encoded.pieces()) {
            bytes.write(piece);
        }
        return Files.write(folder.resolve(name), bytes.toByteArray());
    }

    private record Encoded(byte[] header, List<byte[]> pieces) {
    }
}
