package org.deckhand.renamer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves one file without ever replacing another. On one file system the file gets its new name by a hard link,
 * which fails when the name is taken (create-exclusive, {@code link(2)}), then loses its old one: a crash in between
 * leaves one file under two names, which recovery resolves. Where hard links are not supported (FAT, some SMB
 * shares), an atomic rename ({@code ATOMIC_MOVE}) follows a check that the target is free. Across file systems the
 * file is copied to a temporary name beside its target, forced to disk (fsync), read back and compared with the
 * source by size and SHA-256, given its name by the same create-exclusive step, and only then is the source deleted.
 * Thread-safe.
 */
final class FileMover {

    /** The names of copies in progress begin with this; recovery deletes such files that a crash left. */
    static final String TEMP_PREFIX = ".deckhand-renamer-";

    /** Called once a copy across file systems is verified, before it is renamed into place. */
    interface CopyListener {
        /**
         * @param sha256 the SHA-256 of the file, lower-case hex
         * @throws IOException if the journal cannot record it; the copy is then deleted
         */
        void copied(String sha256) throws IOException;
    }

    private static final int BUFFER = 1 << 16;

    private final AtomicLong fsyncs;

    /**
     * @param fsyncs counts the fsyncs made
     */
    FileMover(AtomicLong fsyncs) {
        this.fsyncs = fsyncs;
    }

    /**
     * @param source the file
     * @param target its new path, whose folder is created when missing
     * @param tempName the name of the temporary copy, should one be needed
     * @param listener told when a copy is verified
     * @throws MoveFailedException if the move was not made: the source is gone, the target is taken, the disk is
     *     full, the copy did not verify; the source is then untouched and no temporary file is left
     */
    void move(Path source, Path target, String tempName, CopyListener listener) throws MoveFailedException {
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new MoveFailedException(source + " is gone; nothing was moved");
        }
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new MoveFailedException("cannot create the folder " + target.getParent() + ": " + e);
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (caseOnlyRename(source, target)) {
                rename(source, target);
                return;
            }
            throw new MoveFailedException(target + " is taken by another file; " + source + " was left as it is");
        }
        try {
            Files.createLink(target, source);
        } catch (FileAlreadyExistsException e) {
            throw new MoveFailedException(target + " appeared meanwhile; " + source + " was left as it is");
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (sameFileSystem(source, target)) {
                renameIfFree(source, target);
            } else {
                copy(source, target, target.resolveSibling(tempName), listener);
            }
            return;
        } catch (IOException e) {
            throw new MoveFailedException("cannot move " + source + " to " + target + ": " + e);
        }
        Journal.forceFolder(target.getParent(), fsyncs);
        try {
            Files.delete(source);
        } catch (IOException e) {
            undoLink(source, target);
            throw new MoveFailedException("cannot remove the old name " + source + ": " + e);
        }
    }

    private static boolean caseOnlyRename(Path source, Path target) {
        try {
            return !source.equals(target) && PathSanitiser.collisionKey(source.toString())
                    .equals(PathSanitiser.collisionKey(target.toString())) && Files.isSameFile(source, target);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean sameFileSystem(Path source, Path target) {
        try {
            return Files.getFileStore(source).equals(Files.getFileStore(target.getParent()));
        } catch (IOException e) {
            return false;
        }
    }

    private void renameIfFree(Path source, Path target) throws MoveFailedException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new MoveFailedException(target + " appeared meanwhile; " + source + " was left as it is");
        }
        rename(source, target);
    }

    private void rename(Path source, Path target) throws MoveFailedException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            Journal.forceFolder(target.getParent(), fsyncs);
        } catch (AtomicMoveNotSupportedException e) {
            throw new MoveFailedException("cannot rename " + source + " to " + target + " in one step: " + e);
        } catch (IOException e) {
            throw new MoveFailedException("cannot move " + source + " to " + target + ": " + e);
        }
    }

    private void copy(Path source, Path target, Path temp, CopyListener listener) throws MoveFailedException {
        try {
            Files.deleteIfExists(temp);
            String sourceSha = copyAndDigest(source, temp);
            Files.setLastModifiedTime(temp, Files.getLastModifiedTime(source));
            long sourceSize = Files.size(source);
            if (Files.size(temp) != sourceSize || !sourceSha.equals(digest(temp))) {
                throw new IOException("the copy at " + temp + " does not match " + source + " (size or SHA-256)");
            }
            listener.copied(sourceSha);
            try {
                Files.createLink(target, temp);
                Files.delete(temp);
            } catch (FileAlreadyExistsException e) {
                throw new IOException(target + " appeared meanwhile");
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(target + " appeared meanwhile");
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            Journal.forceFolder(target.getParent(), fsyncs);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new MoveFailedException("cannot copy " + source + " to " + target + ": " + e.getMessage()
                    + "; the source was left as it is");
        }
        try {
            Files.delete(source);
        } catch (IOException e) {
            throw new MoveFailedException("copied " + source + " to " + target + " but cannot delete the source: " + e
                    + "; both are kept");
        }
    }

    private String copyAndDigest(Path source, Path temp) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(source);
                FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            out.force(true);
            fsyncs.incrementAndGet();
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * @param file a file
     * @return the SHA-256 of its content, lower-case hex
     * @throws IOException if it cannot be read
     */
    static String digest(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static void undoLink(Path source, Path target) {
        try {
            if (Files.exists(source) && Files.isSameFile(source, target)) {
                Files.delete(target);
            }
        } catch (NoSuchFileException e) {
            // The new name is already gone.
        } catch (IOException e) {
            // Recovery finds the file under both names and keeps one.
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // Recovery deletes copies left behind.
        }
    }
}
