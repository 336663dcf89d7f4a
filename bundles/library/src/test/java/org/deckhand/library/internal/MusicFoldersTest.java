package org.deckhand.library.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MusicFoldersTest {

    @TempDir
    Path root;

    @Test
    void onlyFilesReallyInsideAMusicFolderAreServed() throws IOException {
        Path music = Files.createDirectories(root.resolve("music"));
        Path inside = Files.writeString(music.resolve("track.mp3"), "audio");
        Path secret = Files.writeString(root.resolve("secret.txt"), "password");
        Path link = Files.createSymbolicLink(music.resolve("link.mp3"), secret);
        Path sibling = Files.createDirectories(root.resolve("music-other"));
        Path nearMiss = Files.writeString(sibling.resolve("x.mp3"), "audio");
        Files.createDirectories(music.resolve("sub"));

        assertEquals(Optional.of(inside.toRealPath()), MusicFolders.servable(inside, List.of(music)));
        assertEquals(Optional.of(inside.toRealPath()),
                MusicFolders.servable(music.resolve("sub/../track.mp3"), List.of(music)));
        assertTrue(MusicFolders.servable(secret, List.of(music)).isEmpty());
        assertTrue(MusicFolders.servable(music.resolve("../secret.txt"), List.of(music)).isEmpty());
        assertTrue(MusicFolders.servable(link, List.of(music)).isEmpty(), "a link that leads out is refused");
        assertTrue(MusicFolders.servable(nearMiss, List.of(music)).isEmpty(), "music-other is not inside music");
        assertTrue(MusicFolders.servable(music.resolve("gone.mp3"), List.of(music)).isEmpty());
    }
}
