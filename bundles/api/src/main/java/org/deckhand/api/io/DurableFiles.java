package org.deckhand.api.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a small file the server keeps for itself durably and atomically: the new content goes to a temporary file
 * beside it ({@code .NAME.tmp}), which is flushed to the disk ({@code fsync}), renamed over the file in one step, and
 * then the folder is flushed too, so that the rename itself is on the disk (POSIX.1-2017, {@code fsync} and
 * {@code rename}: the durability of a directory entry is left to the directory's {@code fsync}). A crash or power
 * cut at any moment leaves either the old file or the new one, never half of one, and a replacement that returned
 * stays written. Not for a user's files: those are never replaced by surprise.
 */
public final class DurableFiles {

    /** Who may read the new file. */
    public enum Access {
        /** As the folder and the process's umask give it. */
        INHERITED,
        /** Read and written by the server's user only (mode 600) from the moment it exists, where POSIX. */
        OWNER_ONLY
    }

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private DurableFiles() {
    }

    /**
     * @param file the file to replace, or to create with its folders
     * @param content its new content
     * @param access who may read it
     * @throws IOException if the file cannot be written; the file is then as it was
     */
    public static void replace(Path file, byte[] content, Access access) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = folder.resolve("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        FileAttribute<?>[] attributes = POSIX && access == Access.OWNER_ONLY
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        try (FileChannel channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), attributes)) {
            ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        if (POSIX) {
            try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
                directory.force(true);
            }
        }
    }
}
