package org.deckhand.api.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file the server keeps is replaced whole or not at all, and leaves nothing beside it. */
class DurableFilesTest {

    @TempDir
    Path folder;

    @Test
    void aFileIsCreatedWithItsFoldersThenReplacedAndNoTemporaryFileIsLeft() throws IOException {
        Path file = folder.resolve("state/journal.tsv");

        DurableFiles.replace(file, bytes("first"), DurableFiles.Access.INHERITED);
        DurableFiles.replace(file, bytes("second"), DurableFiles.Access.INHERITED);

        assertEquals("second", Files.readString(file));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void anOwnerOnlyFileCanBeReadByTheServersUserAlone() throws IOException {
        Path file = folder.resolve("secrets.key");

        DurableFiles.replace(file, bytes("key"), DurableFiles.Access.OWNER_ONLY);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aReplacementThatCannotBeWrittenLeavesTheOldFileAsItWas() throws IOException {
        Path file = folder.resolve("api-keys.tsv");
        DurableFiles.replace(file, bytes("kept"), DurableFiles.Access.OWNER_ONLY);
        Files.createDirectories(folder.resolve(".api-keys.tsv.tmp").resolve("in the way"));

        assertThrows(IOException.class,
                () -> DurableFiles.replace(file, bytes("lost"), DurableFiles.Access.OWNER_ONLY));

        assertArrayEquals(bytes("kept"), Files.readAllBytes(file));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
