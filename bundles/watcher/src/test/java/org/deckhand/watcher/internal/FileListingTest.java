package org.deckhand.watcher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The compact listing gives back every path and stamp it was given, in order, whatever the names. */
class FileListingTest {

    private static final Path MUSIC = Path.of("/srv/music");

    @Test
    void everyFileComesBackInOrderWithItsStamp() {
        FileListing listing = new FileListing();
        List<Path> added = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            Path file = MUSIC.resolve("Artist " + i % 7).resolve("Album " + i % 3).resolve(i + " - Title.flac");
            listing.add(file, 1000L + i, 1_700_000_000_000L + i);
            added.add(file);
        }

        assertEquals(5000, listing.size());
        assertEquals(added, IntStream.range(0, listing.size()).mapToObj(listing::path).toList());
        assertEquals(new FileStamp(1000L + 4321, Instant.ofEpochMilli(1_700_000_000_000L + 4321)),
                listing.stamp(4321));
    }

    @Test
    void namesOutsideAsciiComeBackUnchanged() {
        FileListing listing = new FileListing();
        Path file = MUSIC.resolve("Björk").resolve("Homogenic").resolve("01 Jóga – 日本 🎧.flac");

        listing.add(file, 1, 2);

        assertEquals(file, listing.path(0));
        assertTrue(listing.contains(file));
    }

    @Test
    void itTellsWhichFilesAndFoldersItHolds() {
        FileListing listing = new FileListing();
        listing.add(MUSIC.resolve("a/one.mp3"), 1, 2);
        listing.add(MUSIC.resolve("a/b/two.mp3"), 1, 2);

        assertTrue(listing.contains(MUSIC.resolve("a/b/two.mp3")));
        assertFalse(listing.contains(MUSIC.resolve("a/two.mp3")));
        assertFalse(listing.contains(MUSIC.resolve("c/one.mp3")));
        assertTrue(listing.holdsFilesIn(MUSIC.resolve("a")));
        assertFalse(listing.holdsFilesIn(MUSIC.resolve("c")));
        assertThrows(IndexOutOfBoundsException.class, () -> listing.path(2));
    }
}
