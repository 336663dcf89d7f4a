package org.deckhand.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.deckhand.testing.RecordingEventAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyStoreTest {

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock();
    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    private final SecurityEvents events = new SecurityEvents(eventAdmin);

    @Test
    void aCreatedKeyIsAcceptedAcrossRestartsAndItsTokenIsNeverStored() throws IOException {
        ApiKeyStore.CreatedKey created = new ApiKeyStore(folder, clock, events).create("mpd in the kitchen");

        ApiKeyStore reopened = new ApiKeyStore(folder, clock, events);

        assertEquals("mpd in the kitchen", reopened.verify(created.token()).orElseThrow().name());
        String stored = Files.readString(folder.resolve(ApiKeyStore.FILE_NAME));
        assertFalse(stored.contains(created.token().substring(16)), "the secret is stored in clear: " + stored);
        assertTrue(stored.contains(created.key().secretSha256()));
    }

    @Test
    void aRevokedKeyIsRefused() throws IOException {
        ApiKeyStore store = new ApiKeyStore(folder, clock, events);
        ApiKeyStore.CreatedKey kept = store.create("kept");
        ApiKeyStore.CreatedKey revoked = store.create("revoked");

        assertTrue(store.revoke(revoked.key().id()));

        assertTrue(new ApiKeyStore(folder, clock, events).verify(revoked.token()).isEmpty());
        assertTrue(new ApiKeyStore(folder, clock, events).verify(kept.token()).isPresent());
        assertFalse(store.revoke(revoked.key().id()), "a second revocation finds nothing");
    }

    @Test
    void aTokenWithAKnownIdButAnotherSecretIsRefused() throws IOException {
        ApiKeyStore store = new ApiKeyStore(folder, clock, events);
        ApiKeyStore.CreatedKey created = store.create("client");
        String forged = "dh_" + created.key().id() + "_" + "A".repeat(43);

        assertTrue(store.verify(forged).isEmpty());
        assertTrue(store.verify("dh_not-a-token").isEmpty());
        assertTrue(store.verify("").isEmpty());
    }

    @Test
    void namesAreCleanedAndABlankNameIsRefused() throws IOException {
        ApiKeyStore store = new ApiKeyStore(folder, clock, events);

        assertEquals("two words", store.create("two\twords\n").key().name());
        assertEquals(100, store.create("x".repeat(500)).key().name().length());
        assertThrows(IllegalArgumentException.class, () -> store.create("  "));
        assertEquals(2, new ApiKeyStore(folder, clock, events).list().size());
    }

    @Test
    void aNameCutInsideACharacterOrWithHalfACharacterIsStoredAndLaterChangesStillWork() throws IOException {
        ApiKeyStore store = new ApiKeyStore(folder, clock, events);
        ApiKeyStore.CreatedKey kept = store.create("kept");

        ApiKeyStore.CreatedKey whole = store.create("a".repeat(99) + "\uD83C\uDFA7 headphones");
        ApiKeyStore.CreatedKey cut = store.create("a".repeat(100) + "\uD83C\uDFA7 headphones");
        ApiKeyStore.CreatedKey half = store.create("half \uD83C a character");
        ApiKeyStore.CreatedKey revoked = store.create("revoked");
        store.revoke(revoked.key().id());

        assertEquals("a".repeat(99) + "\uD83C\uDFA7", whole.key().name(), "100 code points, the last a pair");
        assertEquals("a".repeat(100), cut.key().name());
        assertEquals("half \uFFFD a character", half.key().name());
        ApiKeyStore reopened = new ApiKeyStore(folder, clock, events);
        assertTrue(reopened.verify(kept.token()).isPresent());
        assertEquals("a".repeat(99) + "\uD83C\uDFA7", reopened.verify(whole.token()).orElseThrow().name());
        assertTrue(reopened.verify(revoked.token()).isEmpty(), "the revoke did not reach the disk");
    }

    @Test
    void aChangeThatCannotBeStoredIsNotMadeAndLaterChangesStillWork() throws IOException {
        ApiKeyStore store = new ApiKeyStore(folder, clock, events);
        ApiKeyStore.CreatedKey kept = store.create("kept");
        Path blocker = Files.createDirectories(folder.resolve("." + ApiKeyStore.FILE_NAME + ".tmp").resolve("blocker"));

        assertThrows(IOException.class, () -> store.revoke(kept.key().id()));
        assertThrows(IOException.class, () -> store.create("never stored"));

        assertTrue(store.verify(kept.token()).isPresent(), "a revoke that failed must not revoke in memory only");
        assertEquals(1, store.list().size(), "a create that failed must not create in memory only");
        Files.delete(blocker);
        Files.delete(blocker.getParent());
        assertTrue(store.revoke(kept.key().id()));
        assertTrue(new ApiKeyStore(folder, clock, events).verify(kept.token()).isEmpty());
    }

    @Test
    void theKeyFileIsReadableByTheServersUserOnlyAndNoTemporaryFileIsLeft() throws IOException {
        new ApiKeyStore(folder, clock, events).create("kept");

        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve(ApiKeyStore.FILE_NAME))));
        try (var files = Files.list(folder)) {
            assertEquals(List.of(ApiKeyStore.FILE_NAME), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
