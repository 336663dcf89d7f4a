package org.deckhand.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {

    @TempDir
    Path root;

    @Test
    void aMissingMusicFolderIsNamed() throws IOException {
        Path missing = root.resolve("nas/music");

        LaunchException error = assertThrows(LaunchException.class,
                () -> Preflight.check(settings(List.of(missing), false, root.resolve("data"), freePort())));

        assertEquals("music folder " + missing + " does not exist", error.getMessage());
        assertEquals(LaunchException.CANNOT_START, error.exitStatus());
    }

    @Test
    void theDefaultMusicAndDataFoldersAreCreated() throws Exception {
        Path music = root.resolve("music");
        Path data = root.resolve("data");

        Preflight.check(settings(List.of(music), true, data, freePort()));

        assertTrue(Files.isDirectory(music));
        assertTrue(Files.isDirectory(data));
    }

    @Test
    void aDataFolderThatCannotBeWrittenIsNamed() throws IOException {
        Path file = Files.writeString(root.resolve("a-file"), "not a folder");
        Path data = file.resolve("data");

        LaunchException error = assertThrows(LaunchException.class,
                () -> Preflight.check(settings(List.of(root), false, data, freePort())));

        assertTrue(error.getMessage().startsWith("data folder " + data + " cannot be created"), error.getMessage());
    }

    @Test
    void aTakenPortIsNamed() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            LaunchException error = assertThrows(LaunchException.class,
                    () -> Preflight.check(settings(List.of(root), false, root.resolve("data"), taken.getLocalPort())));

            assertTrue(error.getMessage().startsWith("port " + taken.getLocalPort() + " on 127.0.0.1 is not available"),
                    error.getMessage());
        }
    }

    private Settings settings(List<Path> music, boolean musicIsDefault, Path data, int port) {
        return new Settings(root, music, musicIsDefault, data, "127.0.0.1", port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
