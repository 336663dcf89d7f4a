package org.deckhand.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets sealed under a bundle's key read back with it, and with no other. */
class SealedSecretsTest {

    private static final String WEBHOOK = "https://discord.com/api/webhooks/1234/s3cr3t-t0ken";

    @TempDir
    Path folder;

    @Test
    void aSecretReadsBackAfterARestartAndTheStoredFormGivesNothingAway() throws IOException {
        Path key = folder.resolve("secrets.key");
        String sealed = SealedSecrets.underKey(key).seal(WEBHOOK);

        assertEquals(WEBHOOK, SealedSecrets.underKey(key).open(sealed), "the same key file opens it again");
        assertFalse(sealed.contains("s3cr3t"), sealed);
        assertNotEquals(sealed, SealedSecrets.underKey(key).seal(WEBHOOK), "a fresh IV for every value");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    }

    @Test
    void aSecretSealedUnderAnotherKeyOrDamagedDoesNotOpenAndTheErrorNamesTheKeyFile() throws IOException {
        String sealed = SealedSecrets.underKey(folder.resolve("one.key")).seal(WEBHOOK);
        SealedSecrets other = SealedSecrets.underKey(folder.resolve("other.key"));

        IllegalArgumentException wrongKey = assertThrows(IllegalArgumentException.class, () -> other.open(sealed));
        assertTrue(wrongKey.getMessage().contains("other.key"), wrongKey.getMessage());
        assertThrows(IllegalArgumentException.class, () -> other.open("not base64 at all!"));
        assertThrows(IllegalArgumentException.class, () -> other.open("AAAA"));
    }

    @Test
    void aKeyFileThatHoldsNoKeyIsAnErrorNamingIt() throws IOException {
        Path damaged = Files.writeString(folder.resolve("player.key"), "c2hvcnQ=");

        IOException error = assertThrows(IOException.class, () -> SealedSecrets.underKey(damaged));

        assertTrue(error.getMessage().contains(damaged.toString()), error.getMessage());
        assertEquals("c2hvcnQ=", Files.readString(damaged), "a damaged key is never replaced");
    }
}
