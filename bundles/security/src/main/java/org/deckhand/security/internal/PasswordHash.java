package org.deckhand.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted, deliberately slow hash of a password: PBKDF2 with HMAC-SHA-256 (RFC 8018 section 5.2), 16 random bytes
 * of salt and a 32-byte key. Stored as {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} with Base64 salt and hash.
 *
 * @param iterations PBKDF2 iteration count
 * @param salt the salt
 * @param hash the derived key
 */
record PasswordHash(int iterations, byte[] salt, byte[] hash) {

    /** Iterations for new hashes: OWASP's 2021 figure for PBKDF2-HMAC-SHA256, about 0.2 s on a small NAS core. */
    static final int DEFAULT_ITERATIONS = 310_000;

    private static final String PREFIX = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @param password the password
     * @param iterations PBKDF2 iteration count
     * @return a hash of {@code password} under a fresh random salt
     */
    static PasswordHash create(String password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations));
    }

    /**
     * @param encoded a hash as {@link #encode()} writes it
     * @return the hash
     * @throws IllegalArgumentException if {@code encoded} is not such a hash
     */
    static PasswordHash parse(String encoded) {
        String[] parts = encoded.trim().split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            throw new IllegalArgumentException("not a " + PREFIX + " password hash");
        }
        Base64.Decoder base64 = Base64.getDecoder();
        return new PasswordHash(Integer.parseInt(parts[1]), base64.decode(parts[2]), base64.decode(parts[3]));
    }

    /**
     * @param password a candidate password
     * @return whether it is the hashed password; the comparison takes the same time wherever the bytes differ
     */
    boolean matches(String password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    /**
     * @return the hash in its stored form
     */
    String encode() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(new String(password.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8).toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM lacks PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
