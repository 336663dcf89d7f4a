package org.deckhand.tags.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deckhand.api.library.UnreadableAudioException;
import org.deckhand.testing.Allocations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the tag reader: any bytes, read as a music file, give metadata or an
 * {@link UnreadableAudioException} that names the file, never another exception, an error or a hang, and without
 * allocating more than the server's whole heap for a file of a few kilobytes (a reader that believes a header's
 * claimed size). The reader wraps every exception it meets; a wrapped runtime exception thrown by Deckhand's own
 * header readers (rather than by JAudioTagger) is a bug in them, and fails the test too. A plain {@code mvn test}
 * runs the seeds and the kept findings in {@code TagReaderFuzzTestInputs}; {@code mvn test -Dfuzz} fuzzes
 * (docs/fuzzing.md).
 */
class TagReaderFuzzTest {

    /** The server's default heap (bin/deckhand's -Xmx160m): a reader that allocates more for one file fails. */
    private static final long ALLOCATION_BUDGET_BYTES = 160L << 20;
    private static final JaudiotaggerTagReader READER = new JaudiotaggerTagReader();
    private static final Path FILE = scratchFile();

    @AfterAll
    static void deactivate() throws IOException {
        READER.deactivate();
        Files.deleteIfExists(FILE);
    }

    @Timeout(30)
    @FuzzTest(maxDuration = "30s")
    void readsAnyBytesOrSaysWhyNot(byte[] content) throws Exception {
        Files.write(FILE, content);
        long allocated = Allocations.of(TagReaderFuzzTest::readMetadataAndArtwork);
        assertTrue(allocated <= ALLOCATION_BUDGET_BYTES, () -> "reading " + content.length + " bytes allocated "
                + allocated + " bytes");
    }

    private static void readMetadataAndArtwork() {
        try {
            READER.read(FILE);
        } catch (UnreadableAudioException e) {
            assertEquals(FILE, e.file());
            OwnCode.rethrowIfItFailed(e.getCause());
        }
        try {
            READER.readArtwork(FILE);
        } catch (UnreadableAudioException e) {
            assertEquals(FILE, e.file());
            OwnCode.rethrowIfItFailed(e.getCause());
        }
    }

    private static Path scratchFile() {
        try {
            return Files.createTempFile("tag-reader-fuzz", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
