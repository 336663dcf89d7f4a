package org.deckhand.tracklists.internal.rest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Writes a mix recording's CUE sheet into the recording's folder, named as the recording with {@code .cue}, so that
 * players that look beside a file (foobar2000, VLC, Kodi, DeaDBeeF, mpd) find it. The sheet goes into a hidden
 * temporary file in the same folder, is forced to disk, and is renamed into place in one atomic step: a crash leaves
 * the folder as it was or with the whole sheet, never half of one. A sheet already there (one the user or their DJ
 * program wrote) is never replaced unless the caller says so.
 */
final class SheetBesideRecording {

    private static final String TEMPORARY_PREFIX = ".deckhand-cue-";

    private SheetBesideRecording() {
    }

    /**
     * @param recording the recording's file
     * @return the sheet's path beside it: the recording's name with its extension replaced by {@code .cue}
     */
    static Path sheetFor(Path recording) {
        String name = recording.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return recording.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".cue");
    }

    /**
     * @param recording the recording's file
     * @param sheet the sheet's bytes
     * @param replace whether a sheet already beside the recording may be replaced
     * @return the sheet's path
     * @throws FileAlreadyExistsException if a sheet is already there and {@code replace} is false, or one appeared
     *     while this one was written
     * @throws AccessDeniedException if the recording's folder is not writable (a read-only music share)
     * @throws IOException if the sheet cannot be written; the folder is left as it was
     */
    static Path write(Path recording, byte[] sheet, boolean replace) throws IOException {
        Path target = sheetFor(recording);
        if (!replace && Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "a CUE sheet is already there");
        }
        Path temporary = Files.createTempFile(recording.getParent(), TEMPORARY_PREFIX, ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(sheet);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            readableAsTheRecording(temporary, recording);
            if (replace) {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                placeWithoutReplacing(temporary, target);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /**
     * Puts the sheet in place only if nothing is there: a hard link fails if the name exists, atomically; where the
     * file system has no hard links (some SMB and FAT mounts), an atomic rename after a last look.
     */
    private static void placeWithoutReplacing(Path temporary, Path target) throws IOException {
        try {
            Files.createLink(target, temporary);
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            if (noHardLinks instanceof FileAlreadyExistsException exists) {
                throw exists;
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString(), null, "a CUE sheet appeared meanwhile");
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Gives the sheet the recording's read and write permissions (a temporary file is the owner's alone). */
    private static void readableAsTheRecording(Path sheet, Path recording) throws IOException {
        try {
            Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(recording));
            permissions.removeAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            permissions.add(PosixFilePermission.OWNER_READ);
            permissions.add(PosixFilePermission.OWNER_WRITE);
            Files.setPosixFilePermissions(sheet, permissions);
        } catch (UnsupportedOperationException noPosix) {
            // A file system without POSIX permissions (SMB, FAT) gives the sheet its folder's.
        }
    }
}
