package org.deckhand.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void theHashedPasswordMatchesAndNoOtherDoes() {
        PasswordHash hash = PasswordHash.create("correct horse battery staple", 1_000);

        assertTrue(hash.matches("correct horse battery staple"));
        assertFalse(hash.matches("correct horse battery stapler"));
        assertFalse(hash.matches(""));
    }

    @Test
    void theStoredFormSurvivesARoundTripAndHoldsNoPassword() {
        PasswordHash hash = PasswordHash.create("zoë's décks", 1_000);
        String stored = hash.encode();

        assertTrue(stored.startsWith("pbkdf2-sha256$1000$"), stored);
        assertFalse(stored.contains("zoë"));
        assertTrue(PasswordHash.parse(stored).matches("zoë's décks"));
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertNotEquals(PasswordHash.create("same", 1_000).encode(), PasswordHash.create("same", 1_000).encode());
    }

    @Test
    void aStrangeStoredFormIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PasswordHash.parse("md5$abc"));
        assertEquals("not a pbkdf2-sha256 password hash", error.getMessage());
    }
}
