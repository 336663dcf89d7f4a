package org.deckhand.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyStoreTest {

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock();

    @Test
    void aCreatedKeyIsAcceptedAcrossRestartsAndItsTokenIsNeverStored() throws IOException {
        ApiKeyStore.CreatedKey created = new ApiKeyStore(folder, clock).create("mpd in the kitchen");

        ApiKeyStore reopened = new ApiKeyStore(folder, clock);

        assertEquals("mpd in the kitchen", reopened.verify(created.token()).orElseThrow().name());
        String stored = Files.readString(folder.resolve(ApiKeyStore.FILE_NAME));
        assertFalse(stored.contains(created.token().substring(16)), "the secret is stored in clear: " + stored);
        assertTrue(stored.contains(created.key().secretSha256()));
    }

    @Test
    void aRevokedKeyIsRefused() throws IOException {
        ApiKeyStore store = new ApiKeyStore(folder, clock);
        ApiKeyStore.CreatedKey kept = store.create("kept");
        ApiKeyStore.CreatedKey revoked = store.create("revoked");

        assertTrue(store.revoke(revoked.key().id()));

        assertTrue(new ApiKeyStore(folder, clock).verify(revoked.token()).isEmpty());
        assertTrue(new ApiKeyStore(folder, clock).verify(kept.token()).isPresent());
        assertFalse(store.revoke(revoked.key().id()), "a second revocation finds nothing");
    }

    @Test
    void aTokenWithAKnownIdButAnotherSecretIsRefused() throws IOException {
        ApiKeyStore store = new ApiKeyStore(folder, clock);
        ApiKeyStore.CreatedKey created = store.create("client");
        String forged = "dh_" + created.key().id() + "_" + "A".repeat(43);

        assertTrue(store.verify(forged).isEmpty());
        assertTrue(store.verify("dh_not-a-token").isEmpty());
        assertTrue(store.verify("").isEmpty());
    }

    @Test
    void namesAreCleanedAndABlankNameIsRefused() throws IOException {
        ApiKeyStore store = new ApiKeyStore(folder, clock);

        assertEquals("two words", store.create("two\twords\n").key().name());
        assertEquals(100, store.create("x".repeat(500)).key().name().length());
        assertThrows(IllegalArgumentException.class, () -> store.create("  "));
        assertEquals(2, new ApiKeyStore(folder, clock).list().size());
    }
}
