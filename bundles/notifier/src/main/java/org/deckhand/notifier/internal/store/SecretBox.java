package org.deckhand.notifier.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the channels' secrets (tokens, passwords, webhook URLs, HMAC keys) for the database with AES-256-GCM
 * (NIST SP 800-38D, a fresh 96-bit IV per value, 128-bit tag), under a key of its own kept in {@value #KEY_FILE}
 * beside the database, readable by the server's user only (mode 600): a copy of the database alone does not give the
 * secrets away. The same scheme keeps the Subsonic player password; its class is private to that bundle. Thread-safe.
 */
public final class SecretBox {

    /** The key's file in the notifier's folder. */
    public static final String KEY_FILE = "secrets.key";

    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    /**
     * @param folder the notifier's folder, where the key is kept; a key is made when there is none
     * @throws IOException if the key cannot be read or written, or is not 32 bytes
     */
    public SecretBox(Path folder) throws IOException {
        Path file = folder.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            byte[] fresh = new byte[KEY_BYTES];
            random.nextBytes(fresh);
            writeOwnerOnly(file, Base64.getEncoder().encodeToString(fresh));
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IOException("The key in " + file + " is damaged", notBase64);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IOException("The key in " + file + " is not " + KEY_BYTES + " bytes");
        }
        key = new SecretKeySpec(bytes, "AES");
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
     * @throws IllegalArgumentException if it does not decrypt with this key (damaged, or sealed under another key)
     */
    public String open(String sealed) {
        try {
            byte[] stored = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
            return new String(cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("The channel's secrets do not decrypt with " + KEY_FILE
                    + ": enter them again", e);
        }
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        FileAttribute<?>[] ownerOnly = POSIX ? new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
        Files.createFile(temp, ownerOnly);
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
