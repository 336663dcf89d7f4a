package org.deckhand.watcher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walk of music folders on a real file system, with real symbolic links. */
class FolderScanTest {

    @TempDir
    Path root;

    private Path music;
    private Path outside;
    private final Map<Path, String> unreadable = new TreeMap<>();

    @BeforeEach
    void setUp() throws IOException {
        music = Files.createDirectories(root.resolve("music"));
        outside = Files.createDirectories(root.resolve("outside"));
        Files.writeString(music.resolve("inside.mp3"), "audio");
        Files.writeString(outside.resolve("secret.mp3"), "not the library's");
    }

    @Test
    void linksThatLeadOutOfTheMusicFoldersAreReportedAndNotFollowed() throws IOException {
        Files.createSymbolicLink(music.resolve("out"), outside);
        Files.createSymbolicLink(music.resolve("etc"), Path.of("/etc"));
        Files.createSymbolicLink(music.resolve("secret.mp3"), outside.resolve("secret.mp3"));

        assertEquals(List.of(music.resolve("inside.mp3")), scan(music));
        assertEquals(List.of(music.resolve("etc"), music.resolve("out"), music.resolve("secret.mp3")),
                List.copyOf(unreadable.keySet()));
        assertEquals("a symbolic link that leads out of the music folders, to " + outside.toRealPath()
                + "; not followed", unreadable.get(music.resolve("out")));
    }

    @Test
    void linksThatStayInsideTheMusicFoldersAreFollowedUnderTheirOwnPaths() throws IOException {
        Path albums = Files.createDirectories(music.resolve("albums"));
        Files.writeString(albums.resolve("track.flac"), "audio");
        Files.createSymbolicLink(music.resolve("favourites"), albums);
        Files.createSymbolicLink(music.resolve("single.flac"), albums.resolve("track.flac"));
        Path other = Files.createDirectories(root.resolve("other-music"));
        Files.writeString(other.resolve("b-side.ogg"), "audio");
        Files.createSymbolicLink(music.resolve("other"), other);

        assertEquals(List.of(music.resolve("albums/track.flac"), music.resolve("favourites/track.flac"),
                music.resolve("inside.mp3"), music.resolve("other/b-side.ogg"), music.resolve("single.flac"),
                other.resolve("b-side.ogg")), scan(music, other));
        assertEquals(Map.of(), unreadable);
    }

    @Test
    void linksThatLoopBackAreReportedAndNotFollowed() throws IOException {
        Path a = Files.createDirectories(music.resolve("a"));
        Path b = Files.createDirectories(music.resolve("b"));
        Files.writeString(a.resolve("x.mp3"), "audio");
        Files.writeString(b.resolve("y.mp3"), "audio");
        Files.createSymbolicLink(a.resolve("up"), music);
        Files.createSymbolicLink(a.resolve("self"), a);
        Files.createSymbolicLink(a.resolve("to-b"), b);
        Files.createSymbolicLink(b.resolve("to-a"), a);

        assertEquals(List.of(music.resolve("a/to-b/y.mp3"), music.resolve("a/x.mp3"), music.resolve("b/to-a/x.mp3"),
                music.resolve("b/y.mp3"), music.resolve("inside.mp3")), scan(music));
        assertEquals("a symbolic link loops back to a folder above it", unreadable.get(music.resolve("a/up")));
        assertEquals("a symbolic link loops back to a folder above it", unreadable.get(music.resolve("a/self")));
        assertEquals("a symbolic link loops back to a folder above it",
                unreadable.get(music.resolve("a/to-b/to-a")));
        assertEquals("a symbolic link loops back to a folder above it",
                unreadable.get(music.resolve("b/to-a/to-b")));
    }

    @Test
    void aMusicFolderThatIsALinkIsWalkedUnderItsOwnPath() throws IOException {
        Path link = Files.createSymbolicLink(root.resolve("music-link"), music);

        assertEquals(List.of(link.resolve("inside.mp3")), scan(link));
        assertEquals(Map.of(), unreadable);
    }

    private List<Path> scan(Path... folders) {
        FolderScan.Listing listing = FolderScan.of(List.of(folders), unreadable::put);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < listing.files().size(); i++) {
            files.add(listing.files().path(i));
        }
        files.sort(null);
        return files;
    }
}
