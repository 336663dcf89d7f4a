package org.deckhand.decoder.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deckhand.api.audio.DecodedAudio;
import org.deckhand.api.audio.UnsupportedAudioException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decoding with the format the scan stored in the catalog: the same samples as recognising the format from the
 * content, and the content's own format when the stored one is wrong. (JAAD's AAC decoding is not the same from one
 * run to the next, whichever way the file is opened: its noise substitution draws from one random state shared by the
 * whole JVM; only its length is compared.)
 */
class StoredFormatTest {

    private final FileAudioDecoder decoder = new FileAudioDecoder();
    private Map<String, TestCorpus.Entry> manifest;

    @TempDir
    Path folder;

    @BeforeEach
    void corpus() {
        manifest = TestCorpus.manifest(TestCorpus.folder());
    }

    @ParameterizedTest
    @CsvSource({"real-formats/flac/, flac, true", "real-formats/mp3-vbr/, mp3, true", "real-formats/wav/, wav, true",
        "real-formats/aiff/, aiff, true", "real-formats/m4a-aac/, m4a, false"})
    void theStoredFormatDecodesToTheSameSamples(String prefix, String format, boolean deterministic)
            throws IOException {
        TestCorpus.Entry entry = first(prefix);
        float[][] recognised;
        try (DecodedAudio audio = decoder.open(entry.file())) {
            recognised = Pcm.readAll(audio);
        }
        try (DecodedAudio audio = decoder.open(entry.file(), format)) {
            float[][] trusted = Pcm.readAll(audio);
            assertEquals(entry.sha256(), audio.sha256(), "SHA-256");
            assertEquals(recognised.length, trusted.length, "channels");
            assertEquals(recognised[0].length, trusted[0].length, "frames");
            if (deterministic) {
                assertArrayEquals(recognised[0], trusted[0], "the first channel's samples");
            }
        }
    }

    @Test
    void aFileReplacedByAnotherFormatDecodesAsWhatItHolds() throws IOException {
        TestCorpus.Entry flac = first("real-formats/flac/");
        try (DecodedAudio audio = decoder.open(flac.file(), "mp3")) {
            assertEquals("jflac", audio.decoderName());
            assertEquals(flac.durationSeconds(), Pcm.readAll(audio)[0].length
                    / (double) audio.format().sampleRateHz(), 0.01);
        }
        TestCorpus.Entry mp3 = first("real-formats/mp3-vbr/");
        try (DecodedAudio audio = decoder.open(mp3.file(), "flac")) {
            assertEquals("jlayer", audio.decoderName());
        }
    }

    @Test
    void aGarbageTagBeforeStoredMp3IsSearchedPast() throws IOException {
        TestCorpus.Entry entry = manifest.get("broken/garbage-id3v2.mp3");
        try (DecodedAudio audio = decoder.open(entry.file(), "mp3")) {
            assertEquals(30.0, Pcm.readAll(audio)[0].length / (double) audio.format().sampleRateHz(), 0.05);
            assertEquals(entry.sha256(), audio.sha256(), "SHA-256");
        }
    }

    @Test
    void textStoredAsMp3IsNotAudioNamingTheFile() throws IOException {
        Path text = Files.writeString(folder.resolve("notes.mp3"), "a text file that was an MP3 at the last scan\n");
        UnsupportedAudioException e = assertThrows(UnsupportedAudioException.class, () -> decoder.open(text, "mp3"));
        assertTrue(e.getMessage().contains("notes.mp3") && e.getMessage().contains("not audio"), e.getMessage());
    }

    @Test
    void aFormatNameNoFormatHasIsNotTrusted() throws IOException {
        TestCorpus.Entry flac = first("real-formats/flac/");
        try (DecodedAudio audio = decoder.open(flac.file(), "no-such-format")) {
            assertEquals("jflac", audio.decoderName());
        }
    }

    private TestCorpus.Entry first(String prefix) {
        return manifest.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).findFirst().orElseThrow()
                .getValue();
    }
}
