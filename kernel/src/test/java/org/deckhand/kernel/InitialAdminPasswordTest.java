package org.deckhand.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.deckhand.api.runtime.RuntimeProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitialAdminPasswordTest {

    @TempDir
    Path data;

    @Test
    void thePasswordIsHandedOverInAFileOnlyItsOwnerReadsWithNothingLeftBeside() throws Exception {
        InitialAdminPassword.handOver(data, "first  secret ");
        InitialAdminPassword.handOver(data, "sécret, changed");

        Path file = data.resolve(RuntimeProperties.INITIAL_ADMIN_PASSWORD_FILE);
        assertEquals("sécret, changed", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var listed = Files.list(file.getParent())) {
            assertEquals(1, listed.count(), "no temporary file is left");
        }
    }
}
