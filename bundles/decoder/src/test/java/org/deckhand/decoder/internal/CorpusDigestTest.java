package org.deckhand.decoder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.stream.Stream;
import org.deckhand.api.audio.DecodedAudio;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus's {@code real} folder (Ogg Vorbis, Opus and a tracker module from game packages): each file decodes to
 * ffprobe's duration and hashes to the manifest's SHA-256 in the same read. A tracker module has no fixed length
 * (ffprobe's is an estimate, 0.1 s off what ffmpeg renders), so only its digest is checked. The labelled FLAC files
 * are left out to keep the test short: {@link RealFormatsTest} covers FLAC.
 */
class CorpusDigestTest {

    /** ffprobe's Vorbis and Opus durations come from granule positions; ours end at the last granule too. */
    private static final double TOLERANCE_SECONDS = 0.030;

    private final FileAudioDecoder decoder = new FileAudioDecoder();

    static Stream<TestCorpus.Entry> files() {
        return TestCorpus.manifest(TestCorpus.folder()).entrySet().stream()
                .filter(e -> e.getKey().startsWith("real/"))
                .map(java.util.Map.Entry::getValue);
    }

    @ParameterizedTest
    @MethodSource("files")
    void decodesToItsDurationAndDigest(TestCorpus.Entry entry) throws IOException {
        try (DecodedAudio audio = decoder.open(entry.file())) {
            float[][] block = new float[audio.format().channels()][8192];
            long frames = 0;
            for (int n = audio.read(block, 8192); n >= 0; n = audio.read(block, 8192)) {
                frames += n;
            }
            assertEquals(entry.sha256(), audio.sha256(), "SHA-256");
            if (entry.file().toString().endsWith(".xm")) {
                return;
            }
            assertEquals(entry.durationSeconds(), frames / (double) audio.format().sampleRateHz(), TOLERANCE_SECONDS,
                    "duration against ffprobe's, s");
        }
    }
}
