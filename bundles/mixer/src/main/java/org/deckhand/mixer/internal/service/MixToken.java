package org.deckhand.mixer.internal.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets that open a mix's streams without a login: 128 random bits from {@link SecureRandom}, in URL-safe
 * base64 without padding (22 characters), compared in constant time.
 */
final class MixToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 16;

    private MixToken() {
    }

    /** @return a new token */
    static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * @param expected the mix's token
     * @param given the token a request carries, or null
     * @return whether they are the same, in a time that does not depend on where they differ
     */
    static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }
}
