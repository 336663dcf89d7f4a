package org.deckhand.tags.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.TrackMetadata;
import org.deckhand.api.library.UnreadableAudioException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads every file of the corpus's {@code broken} folder and checks the outcome its README.tsv asks for: a clear
 * UnreadableAudioException, or a (partial) result whose warnings name the problem; never another exception.
 */
class BrokenCorpusTest {

    private static final JaudiotaggerTagReader READER = new JaudiotaggerTagReader();
    private static final String SKIP_THE_FILE = "report a clear per-file problem, skip the file";

    @AfterAll
    static void deactivate() {
        READER.deactivate();
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenFileHasTheExpectedOutcome() throws IOException {
        Path folder = Tools.corpus().resolve("broken");
        List<String> rows = Files.readAllLines(folder.resolve("README.tsv"), StandardCharsets.UTF_8);
        assertTrue(rows.size() > 1, "README.tsv lists no file");
        return rows.stream().skip(1).filter(row -> !row.isBlank()).map(row -> row.split("\t", -1))
                .map(columns -> DynamicTest.dynamicTest(columns[0],
                        () -> check(folder.resolve(columns[0]), columns[2])));
    }

    private static void check(Path file, String serverShould) throws IOException {
        Outcome outcome = Outcome.of(file);
        String name = file.getFileName().toString();
        if (serverShould.startsWith(SKIP_THE_FILE)) {
            assertNotNull(outcome.failure, () -> "expected a clear problem, got " + outcome.metadata);
            assertFalse(outcome.failure.getMessage().contains("Exception"), outcome.failure.getMessage());
        }
        switch (name) {
            case "empty.flac" -> assertTrue(outcome.failure.getMessage().endsWith("empty file (0 bytes)"));
            case "song.mp3" -> assertTrue(outcome.failure.getMessage().contains("not an audio file (it holds text)"),
                    outcome.failure.getMessage());
            case "bad-streaminfo.flac" -> assertTrue(outcome.failure.getMessage().contains("sample rate 0 Hz"),
                    outcome.failure.getMessage());
            case "garbage-id3v2.mp3" -> {
                TrackMetadata metadata = outcome.readable();
                assertEquals(Tags.NONE, metadata.tags());
                assertEquals("the ID3v2 tag is corrupt; tags ignored", metadata.warnings().get(0));
                assertEquals(Tools.ffprobe(file).path("format").path("duration").asDouble(),
                        metadata.audio().durationSeconds(), 0.05);
            }
            case "truncated-30pct.mp3" -> {
                TrackMetadata metadata = outcome.readable();
                double bytesAtBitrate = Files.size(file) * 8.0 / (metadata.audio().bitrateKbps() * 1000);
                assertEquals(bytesAtBitrate, metadata.audio().durationSeconds(), 0.1, "the duration of what is there");
                assertTrue(metadata.warnings().get(0).startsWith("truncated:"), metadata.warnings().toString());
            }
            case "header-claims-more.wav" -> {
                TrackMetadata metadata = outcome.readable();
                assertEquals(4.0, metadata.audio().durationSeconds(), 0.01, "the 4 s the file holds");
                assertTrue(metadata.warnings().get(0).startsWith("truncated:"), metadata.warnings().toString());
            }
            default -> {
                TrackMetadata metadata = outcome.readable();
                assertNotNull(metadata.tags().title(), "title");
                assertTrue(metadata.audio().durationSeconds() > 0, "duration");
            }
        }
    }

    /** What reading a file gave: metadata or an UnreadableAudioException; anything else fails the test. */
    private record Outcome(TrackMetadata metadata, UnreadableAudioException failure) {

        static Outcome of(Path file) {
            try {
                return new Outcome(READER.read(file), null);
            } catch (UnreadableAudioException e) {
                return new Outcome(null, e);
            } catch (RuntimeException e) {
                return fail("unexpected " + e, e);
            }
        }

        TrackMetadata readable() {
            assertNotNull(metadata, () -> "expected a result, got " + failure);
            return metadata;
        }
    }
}
