package org.deckhand.decoder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deckhand.api.audio.DecodedAudio;
import org.deckhand.api.audio.UnsupportedAudioException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The corpus's {@code broken} folder, each file as {@code broken/README.tsv} says the server should treat it. */
class BrokenFilesTest {

    private final FileAudioDecoder decoder = new FileAudioDecoder();
    private Map<String, TestCorpus.Entry> manifest;

    @BeforeEach
    void corpus() {
        manifest = TestCorpus.manifest(TestCorpus.folder());
    }

    private TestCorpus.Entry entry(String name) {
        return manifest.get("broken/" + name);
    }

    /** Decodes a whole file; returns {seconds} and checks the digest against the manifest. */
    private double decodedSeconds(TestCorpus.Entry entry) throws IOException {
        try (DecodedAudio audio = decoder.open(entry.file())) {
            float[][] samples = Pcm.readAll(audio);
            assertEquals(entry.sha256(), audio.sha256(), "SHA-256");
            return samples[0].length / (double) audio.format().sampleRateHz();
        }
    }

    @Test
    void truncatedMp3EndsCleanlyWhereTheBytesEnd() throws IOException {
        TestCorpus.Entry entry = entry("truncated-30pct.mp3");
        double ffmpegSeconds = Pcm.ffmpeg(entry.file(), 2)[0].length / 44_100.0;
        assertEquals(ffmpegSeconds, decodedSeconds(entry), 0.03, "what ffmpeg decodes of the truncated file, s");
    }

    @Test
    void garbageId3TagIsSkippedAndTheAudioDecoded() throws IOException {
        assertEquals(30.0, decodedSeconds(entry("garbage-id3v2.mp3")), 0.05);
    }

    @Test
    void emptyFileIsUnsupportedNamingTheFile() {
        UnsupportedAudioException e = assertThrows(UnsupportedAudioException.class,
                () -> decoder.open(entry("empty.flac").file()));
        assertTrue(e.getMessage().contains("empty.flac") && e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void textFileNamedMp3IsNotAudio() {
        UnsupportedAudioException e = assertThrows(UnsupportedAudioException.class,
                () -> decoder.open(entry("song.mp3").file()));
        assertTrue(e.getMessage().contains("song.mp3") && e.getMessage().contains("not audio"), e.getMessage());
    }

    @Test
    void zeroedStreamInfoIsAClearProblem() {
        IOException e = assertThrows(IOException.class, () -> decoder.open(entry("bad-streaminfo.flac").file()));
        assertTrue(e.getMessage().contains("bad-streaminfo.flac") && e.getMessage().contains("STREAMINFO"),
                e.getMessage());
    }

    @Test
    void oggCutMidPageDecodesUpToTheCut() throws IOException {
        TestCorpus.Entry entry = entry("cut-mid-page.ogg");
        int frames = Pcm.ffmpeg(entry.file(), 2)[0].length;
        double seconds = decodedSeconds(entry);
        assertTrue(seconds > 30 && seconds <= entry.durationSeconds() + 0.005, "seconds " + seconds);
        assertEquals(frames / 44_100.0, seconds, 0.05, "ffmpeg's decode, s");
    }

    @Test
    void wavWhoseHeaderClaimsMoreGivesWhatItHolds() throws IOException {
        TestCorpus.Entry entry = entry("header-claims-more.wav");
        assertEquals(entry.durationSeconds(), decodedSeconds(entry), 0.001);
    }

    @Test
    void longFileNameDecodes() throws IOException {
        TestCorpus.Entry entry = manifest.entrySet().stream().filter(e -> e.getKey().startsWith("broken/long-name"))
                .findFirst().orElseThrow().getValue();
        assertEquals(entry.durationSeconds(), decodedSeconds(entry), 0.001);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffmpeg-rejects-hr-savino-caribbean.ogg", "ffmpeg-rejects-hr-savino-ivory.ogg",
        "ffmpeg-rejects-hr-savino-ocean.ogg"})
    void vorbisThatFfmpegRejectsDecodesToItsLastGranule(String name) throws IOException {
        TestCorpus.Entry entry = entry(name);
        try (DecodedAudio audio = decoder.open(entry.file())) {
            assertEquals("jorbis", audio.decoderName());
            float[][] samples = Pcm.readAll(audio);
            assertEquals(entry.sha256(), audio.sha256(), "SHA-256");
            assertEquals(lastGranulePosition(entry.file()), samples[0].length, "frames");
            assertFalse(Pcm.rms(samples[0], 0, samples[0].length) < 1e-3, "audible");
        }
    }

    /** The granule position of a file's last Ogg page: its length in samples (RFC 3533 section 6). */
    private static long lastGranulePosition(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int at = bytes.length - 27; at >= 0; at--) {
            if (bytes[at] == 'O' && bytes[at + 1] == 'g' && bytes[at + 2] == 'g' && bytes[at + 3] == 'S') {
                return ByteBuffer.wrap(bytes, at + 6, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            }
        }
        throw new IllegalStateException("no Ogg page in " + file);
    }
}
