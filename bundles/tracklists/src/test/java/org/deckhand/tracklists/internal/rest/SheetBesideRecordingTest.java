package org.deckhand.tracklists.internal.rest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SheetBesideRecordingTest {

    @TempDir
    Path folder;

    @Test
    void theSheetIsWrittenBesideTheRecordingUnderItsNameReadableAsTheRecordingAndNothingElseIsLeft()
            throws IOException {
        Path recording = recording("Live at Fabric.flac", "rw-r--r--");
        Path sheet = SheetBesideRecording.write(recording, "FILE \"Live at Fabric.flac\" WAVE\r\n".getBytes(UTF_8),
                false);
        assertEquals(folder.resolve("Live at Fabric.cue"), sheet);
        assertEquals("FILE \"Live at Fabric.flac\" WAVE\r\n", Files.readString(sheet));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ), Files.getPosixFilePermissions(sheet));
        assertEquals(List.of("Live at Fabric.cue", "Live at Fabric.flac"), names());
    }

    @Test
    void aSheetTheUserWroteIsKeptUnlessReplacingIsAsked() throws IOException {
        Path recording = recording("set.mp3", "rw-r--r--");
        Path users = Files.writeString(folder.resolve("set.cue"), "the user's own sheet");
        FileAlreadyExistsException refused = assertThrows(FileAlreadyExistsException.class,
                () -> SheetBesideRecording.write(recording, "ours".getBytes(UTF_8), false));
        assertEquals(users.toString(), refused.getFile());
        assertEquals("the user's own sheet", Files.readString(users));
        assertEquals(List.of("set.cue", "set.mp3"), names());

        SheetBesideRecording.write(recording, "ours".getBytes(UTF_8), true);
        assertArrayEquals("ours".getBytes(UTF_8), Files.readAllBytes(users));
        assertEquals(List.of("set.cue", "set.mp3"), names());
    }

    private Path recording(String name, String permissions) throws IOException {
        Path file = Files.write(folder.resolve(name), new byte[] {1, 2, 3});
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
