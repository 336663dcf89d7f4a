package org.deckhand.mixer.internal.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.decoder.internal.FileAudioDecoder;
import org.deckhand.mixer.internal.render.PcmSource;
import org.deckhand.mixer.internal.testing.Facts;
import org.deckhand.mixer.internal.testing.StereoBuffer;
import org.deckhand.mixer.internal.track.TrackFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecoderTrackOpenerTest {

    private static final int RATE = 44_100;
    private static final TrackFacts TRACK = Facts.rendering(1, 120, 3, null, 0, ReplayGain.NONE);

    @TempDir
    Path folder;

    @Test
    void aMono48kHzFilePlaysOnBothChannelsAt44100HzAtItsPitch() throws Exception {
        Path file = sine(48_000, 1, "mono48.flac");
        float[][] audio = readAll(new DecoderTrackOpener(new FileAudioDecoder(), id -> file, RATE).open(TRACK));
        assertEquals(3 * RATE, audio[0].length, RATE * 0.01);
        assertArrayEquals(audio[0], audio[1]);
        assertEquals(1000, frequency(audio[0]), 2);
    }

    @Test
    void aStereo44100HzFilePassesUnchangedInLength() throws Exception {
        Path file = sine(RATE, 2, "stereo.flac");
        float[][] audio = readAll(new DecoderTrackOpener(new FileAudioDecoder(), id -> file, RATE).open(TRACK));
        assertEquals(3 * RATE, audio[0].length);
        assertEquals(1000, frequency(audio[1]), 2);
    }

    @Test
    void aFileThatCannotBeDecodedIsAnErrorNamingIt() throws Exception {
        Path text = Files.writeString(folder.resolve("notes.mp3"), "not audio");
        DecoderTrackOpener opener = new DecoderTrackOpener(new FileAudioDecoder(), id -> text, RATE);
        IOException error = assertThrows(IOException.class, () -> readAll(opener.open(TRACK)));
        assertTrue(error.getMessage().contains("notes.mp3"), error.getMessage());
        DecoderTrackOpener gone = new DecoderTrackOpener(new FileAudioDecoder(), id -> null, RATE);
        assertThrows(IOException.class, () -> gone.open(TRACK));
    }

    private Path sine(int rateHz, int channels, String name) throws Exception {
        Path file = folder.resolve(name);
        Process ffmpeg;
        try {
            ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i",
                    "sine=frequency=1000:sample_rate=" + rateHz + ":duration=3", "-ac", Integer.toString(channels),
                    file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "ffmpeg is not installed");
            throw e;
        }
        assertEquals(0, ffmpeg.waitFor(), new String(ffmpeg.getInputStream().readAllBytes()));
        return file;
    }

    private static float[][] readAll(PcmSource source) throws IOException {
        try (source) {
            StereoBuffer all = new StereoBuffer();
            float[][] block = new float[2][1000];
            int count;
            while ((count = source.read(block, 0, 1000)) > 0) {
                all.append(block, count);
            }
            return all.toArrays();
        }
    }

    /** @return the frequency of a sine, Hz, from its upward zero crossings over the middle second */
    private static double frequency(float[] samples) {
        int crossings = 0;
        for (int i = RATE + 1; i <= 2 * RATE; i++) {
            if (samples[i - 1] < 0 && samples[i] >= 0) {
                crossings++;
            }
        }
        return crossings;
    }
}
