package org.deckhand.api.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.deckhand.api.io.DurableFiles;

/**
 * Encrypts secrets that a bundle must keep and read back (a channel's token or webhook URL, the Subsonic player
 * password that token authentication needs) under a key of the bundle's own: AES-256-GCM (NIST SP 800-38D), a fresh
 * 96-bit IV for each value and a 128-bit tag. A sealed value is the IV followed by the ciphertext and its tag, in
 * Base64. The key is 32 random bytes in Base64, kept in a file that only the server's user may read (mode 600), made
 * when missing: a copy of the data alone does not give the secrets away. Thread-safe.
 */
public final class SealedSecrets {

    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CIPHER = "AES/GCM/NoPadding";

    private final SecureRandom random;
    private final SecretKeySpec key;
    private final Path keyFile;

    private SealedSecrets(SecureRandom random, SecretKeySpec key, Path keyFile) {
        this.random = random;
        this.key = key;
        this.keyFile = keyFile;
    }

    /**
     * @param keyFile the key's file, made with a new key (owner-only, written durably) when there is none
     * @return the secrets sealed under that key
     * @throws IOException if the key cannot be read or written, or the file does not hold a 32-byte key in Base64,
     *     naming the file
     */
    public static SealedSecrets underKey(Path keyFile) throws IOException {
        SecureRandom random = new SecureRandom();
        if (!Files.exists(keyFile)) {
            byte[] fresh = new byte[KEY_BYTES];
            random.nextBytes(fresh);
            DurableFiles.replace(keyFile, Base64.getEncoder().encode(fresh), DurableFiles.Access.OWNER_ONLY);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.UTF_8).strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IOException("The key in " + keyFile + " is damaged", notBase64);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IOException("The key in " + keyFile + " is not " + KEY_BYTES + " bytes");
        }
        return new SealedSecrets(random, new SecretKeySpec(bytes, "AES"), keyFile);
    }

    /**
     * @param plain the text to seal
     * @return the IV and the ciphertext with its tag, in Base64
     */
    public String seal(String plain) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * @param sealed what {@link #seal(String)} gave
     * @return the text
     * @throws IllegalArgumentException if it does not decrypt with this key (damaged, or sealed under another key),
     *     naming the key's file
     */
    public String open(String sealed) {
        try {
            byte[] stored = Base64.getDecoder().decode(sealed.strip());
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
            return new String(cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("A secret does not decrypt with the key in " + keyFile, e);
        }
    }
}
