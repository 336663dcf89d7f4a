package org.deckhand.mixer.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MixTokenTest {

    @Test
    void tokensAre128RandomBitsInUrlSafeBase64() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = MixToken.generate();
            assertEquals(22, token.length());
            assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
            tokens.add(token);
        }
        assertEquals(1000, tokens.size());
    }

    @Test
    void onlyTheSameTokenMatches() {
        String token = MixToken.generate();
        assertTrue(MixToken.matches(token, new String(token.toCharArray())));
        assertFalse(MixToken.matches(token, token.substring(1)));
        assertFalse(MixToken.matches(token, null));
        assertFalse(MixToken.matches(token, ""));
    }
}
