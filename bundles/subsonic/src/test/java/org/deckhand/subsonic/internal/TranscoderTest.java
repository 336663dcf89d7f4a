package org.deckhand.subsonic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TranscoderTest {

    private static final Song FLAC = song("flac", 900);
    private static final Song MP3 = song("mp3", 320);
    private final Transcoder transcoder = new Transcoder(Optional.of(Path.of("/usr/bin/ffmpeg")), null);

    @Test
    void theOriginalGoesOutUnlessFormatBitRateOrOffsetAsk() throws SubsonicException {
        assertTrue(transcoder.target(FLAC, params()).isEmpty());
        assertTrue(transcoder.target(FLAC, params("format", "raw", "maxBitRate", "128")).isEmpty());
        assertTrue(transcoder.target(MP3, params("format", "mp3")).isEmpty());
        assertTrue(transcoder.target(MP3, params("maxBitRate", "320")).isEmpty());
        assertTrue(new Transcoder(Optional.empty(), null).target(FLAC, params("format", "opus")).isEmpty());
    }

    @Test
    void aLowerBitRateOrAnotherFormatOrAnOffsetTranscodes() throws SubsonicException {
        assertEquals(new Transcoder.Target("mp3", 128, 0), transcoder.target(FLAC, params("maxBitRate", "128"))
                .orElseThrow());
        assertEquals(new Transcoder.Target("opus", Transcoder.DEFAULT_KBPS, 0),
                transcoder.target(FLAC, params("format", "opus")).orElseThrow());
        assertEquals(new Transcoder.Target("mp3", 192, 0), transcoder.target(MP3, params("maxBitRate", "192"))
                .orElseThrow());
        assertEquals(new Transcoder.Target("mp3", Transcoder.DEFAULT_KBPS, 30),
                transcoder.target(FLAC, params("timeOffset", "30")).orElseThrow());
        assertEquals(Transcoder.MAX_KBPS, transcoder.target(FLAC, params("maxBitRate", "800")).orElseThrow().kbps());
    }

    @Test
    void anUnknownFormatOrANegativeOffsetIsRefused() {
        assertEquals(SubsonicException.GENERIC, assertThrows(SubsonicException.class,
                () -> transcoder.target(FLAC, params("format", "wma"))).code());
        assertThrows(SubsonicException.class, () -> transcoder.target(FLAC, params("timeOffset", "-5")));
    }

    private static Song song(String suffix, int kbps) {
        return new Song(1, Path.of("/music/a." + suffix), "A", "B", "C", "al-1", "ar-1", 1, 1, 2000, null, 1000,
                suffix, 300, kbps, 0, 44_100, 2, null, null, null, null, null, null, false, Instant.EPOCH);
    }

    private static Params params(String... pairs) {
        Map<String, String[]> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], new String[] {pairs[i + 1]});
        }
        return new Params(values);
    }
}
