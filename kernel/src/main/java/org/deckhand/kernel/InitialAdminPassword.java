package org.deckhand.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.deckhand.api.runtime.RuntimeProperties;

/**
 * Hands the admin password of {@code DECKHAND_ADMIN_PASSWORD} to the security bundle in a file only the server's
 * user may read ({@link RuntimeProperties#INITIAL_ADMIN_PASSWORD_FILE}), instead of a framework property that every
 * bundle could read. The security bundle deletes it as it starts.
 */
final class InitialAdminPassword {

    private InitialAdminPassword() {
    }

    /**
     * Writes the file whole or not at all (a temporary file moved into place).
     *
     * @param data the data folder
     * @param password the password
     * @throws IOException if the file cannot be written
     */
    static void handOver(Path data, String password) throws IOException {
        Path file = data.resolve(RuntimeProperties.INITIAL_ADMIN_PASSWORD_FILE);
        Path folder = Files.createDirectories(file.getParent());
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path temporary = posix
                ? Files.createTempFile(folder, ".initial-", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(folder, ".initial-", ".tmp");
        try {
            Files.writeString(temporary, password, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
