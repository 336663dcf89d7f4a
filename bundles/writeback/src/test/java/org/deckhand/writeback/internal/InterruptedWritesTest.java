package org.deckhand.writeback.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deckhand.api.library.TagWriter;
import org.deckhand.tags.internal.JaudiotaggerTagWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed while it wrote a file's tags leaves the tag writer's hidden copy beside the file; the next start
 * deletes that copy, and no other file, without walking the music folders.
 */
class InterruptedWritesTest {

    @TempDir
    Path root;

    @Test
    void theCopyOfAWriteTheServerDidNotFinishIsDeletedAtTheNextStartAndNoOtherFile() throws Exception {
        Path folder = Files.createDirectories(root.resolve("music/album"));
        Path song = Files.copy(corpusFlac(), folder.resolve("song.flac"));
        Path usersHiddenFile = Files.writeString(folder.resolve(".notes.flac"), "the user's own");
        Path usersSubfolder = Files.createDirectories(folder.resolve(TagWriter.COPY_PREFIX + "folder"));
        Path marker = root.resolve("data/writeback/writing");
        new InterruptedWrites(marker).begin(song);
        Path copy = new JaudiotaggerTagWriter().writeTempoAndKey(song, 124, "8A");
        assertTrue(Files.exists(copy));
        // the server is killed here, before the copy replaces the file

        List<Path> deleted = new InterruptedWrites(marker).cleanUp();

        assertEquals(List.of(copy), deleted);
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(usersSubfolder, usersHiddenFile, song), left.sorted().toList());
        }
        assertFalse(Files.exists(marker));
        assertEquals(List.of(), new InterruptedWrites(marker).cleanUp(), "nothing is left to clean up");
    }

    @Test
    void aWriteThatEndedLeavesNothingToCleanUp() throws Exception {
        Path song = Files.copy(corpusFlac(), Files.createDirectories(root.resolve("music")).resolve("song.flac"));
        Path marker = root.resolve("data/writeback/writing");
        InterruptedWrites writes = new InterruptedWrites(marker);

        writes.begin(song);
        writes.end();

        assertFalse(Files.exists(marker));
        assertEquals(List.of(), new InterruptedWrites(marker).cleanUp());
    }

    private static Path corpusFlac() throws IOException {
        String corpus = System.getProperty("deckhand.corpus", System.getenv("DECKHAND_CORPUS"));
        assumeTrue(corpus != null && Files.isDirectory(Path.of(corpus)), "no test corpus (DECKHAND_CORPUS)");
        try (Stream<Path> files = Files.list(Path.of(corpus, "real-formats", "flac"))) {
            return files.sorted().findFirst().orElseThrow();
        }
    }
}
