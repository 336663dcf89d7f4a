package org.deckhand.subsonic.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The player account of the Subsonic API: a user name and a password that the legacy {@code u}+{@code p} and token
 * ({@code t}, {@code s}) forms check. Token authentication needs the password itself, so it is kept encrypted
 * (AES-256-GCM, NIST SP 800-38D) in {@value #ACCOUNT_FILE}, with a key of its own in {@value #KEY_FILE}, both in
 * the folder given and readable by the server's user only (mode 600), as Navidrome keeps its users' passwords.
 * Thread-safe.
 */
final class PlayerCredentials {

    static final String KEY_FILE = "player.key";
    static final String ACCOUNT_FILE = "player-account";

    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CIPHER = "AES/GCM/NoPadding";

    /** A user name and password. */
    record Account(String username, String password) {
        @Override
        public String toString() {
            return "Account[" + username + "]";
        }
    }

    private final Path folder;
    private final SecureRandom random = new SecureRandom();
    private volatile Optional<Account> current;

    /**
     * @param folder where the key and the account are kept, made when missing
     * @throws IOException if they cannot be read, or the account does not decrypt with the key
     */
    PlayerCredentials(Path folder) throws IOException {
        this.folder = folder;
        this.current = read();
    }

    /** @return the account, if one was set */
    Optional<Account> account() {
        return current;
    }

    /**
     * Replaces the account.
     *
     * @param account the new one
     * @throws IOException if it cannot be stored; then the old one stays
     */
    synchronized void set(Account account) throws IOException {
        byte[] plain = (account.username() + "\n" + account.password()).getBytes(StandardCharsets.UTF_8);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed;
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            sealed = cipher.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot encrypt the player password", e);
        }
        byte[] stored = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        writeSecret(folder.resolve(ACCOUNT_FILE), Base64.getEncoder().encodeToString(stored));
        current = Optional.of(account);
    }

    /**
     * Forgets the account: the legacy forms then fail and only API keys sign in.
     *
     * @throws IOException if the file cannot be deleted
     */
    synchronized void clear() throws IOException {
        Files.deleteIfExists(folder.resolve(ACCOUNT_FILE));
        current = Optional.empty();
    }

    private Optional<Account> read() throws IOException {
        Path file = folder.resolve(ACCOUNT_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        byte[] stored;
        try {
            stored = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IOException("The player account in " + file + " is damaged: set the player password again");
        }
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
            String plain = new String(cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES),
                    StandardCharsets.UTF_8);
            int newline = plain.indexOf('\n');
            return Optional.of(new Account(plain.substring(0, newline), plain.substring(newline + 1)));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException("The player account in " + file + " does not decrypt with " + KEY_FILE
                    + ": set the player password again", e);
        }
    }

    private SecretKeySpec key() throws IOException {
        Path file = folder.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            byte[] fresh = new byte[KEY_BYTES];
            random.nextBytes(fresh);
            writeSecret(file, Base64.getEncoder().encodeToString(fresh));
        }
        byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.UTF_8).strip());
        if (key.length != KEY_BYTES) {
            throw new IOException("The key in " + file + " is not " + KEY_BYTES + " bytes");
        }
        return new SecretKeySpec(key, "AES");
    }

    private static void writeSecret(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp);
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Non-POSIX file systems keep their inherited access control lists.
        }
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
