package org.deckhand.mixer.internal.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deckhand.api.audio.UnsupportedAudioException;
import org.deckhand.decoder.internal.FileAudioDecoder;
import org.deckhand.mixer.internal.testing.Ffmpeg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mixer's MP3 transcoding, checked by decoding what it wrote with ffmpeg as a player would. */
class MixerMp3TranscoderTest {

    private final MixerMp3Transcoder transcoder = new MixerMp3Transcoder(new FileAudioDecoder());

    @TempDir
    Path folder;

    @Test
    void aMono48kHzFlacBecomesValidMp3FromTheOffsetAtTheBitRateAsked() throws Exception {
        Path flac = sine("tone.flac", 48_000, 1, 5);
        Path mp3 = folder.resolve("tone.mp3");
        try (OutputStream out = Files.newOutputStream(mp3)) {
            transcoder.transcode(flac, 2, 128, out);
        }

        Ffmpeg.Decoded decoded = Ffmpeg.decode(mp3, "-f", "mp3");
        assertEquals("", decoded.errors(), "every MP3 frame decodes");
        assertEquals(3.0, decoded.seconds(), 0.06, "from 2 s to the end of 5 s");
        double bitRate = Files.size(mp3) * 8 / decoded.seconds() / 1000;
        assertEquals(128, bitRate, 4, "constant bit rate, kbit/s");
    }

    @Test
    void bitRatesAreMpegLayerThreesAndBadInputIsRefusedWithTheReason() throws Exception {
        assertEquals(192, transcoder.nearestBitRate(200));
        assertEquals(320, transcoder.nearestBitRate(1_000));
        assertEquals(32, transcoder.nearestBitRate(8));
        Path flac = sine("short.flac", 44_100, 2, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(IllegalArgumentException.class, () -> transcoder.transcode(flac, 0, 200, out));
        assertThrows(IllegalArgumentException.class, () -> transcoder.transcode(flac, -1, 128, out));
        Path text = Files.writeString(folder.resolve("notes.flac"), "not audio");
        UnsupportedAudioException refused = assertThrows(UnsupportedAudioException.class,
                () -> transcoder.transcode(text, 0, 128, out));
        assertTrue(refused.getMessage().contains("notes.flac"), refused.getMessage());
        assertEquals(0, out.size(), "nothing written for what was refused");
    }

    private Path sine(String name, int rateHz, int channels, int seconds) throws Exception {
        Path file = folder.resolve(name);
        Process ffmpeg;
        try {
            ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i",
                    "sine=frequency=1000:sample_rate=" + rateHz + ":duration=" + seconds, "-ac",
                    Integer.toString(channels), file.toString()).inheritIO().start();
        } catch (java.io.IOException noFfmpeg) {
            assumeTrue(false, "ffmpeg is not installed");
            throw noFfmpeg;
        }
        assertEquals(0, ffmpeg.waitFor(), "ffmpeg cannot make " + file);
        return file;
    }
}
