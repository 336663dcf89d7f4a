package org.deckhand.subsonic.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.deckhand.api.io.DurableFiles;
import org.deckhand.api.security.SealedSecrets;

/**
 * The player account of the Subsonic API: a user name and a password that the legacy {@code u}+{@code p} and token
 * ({@code t}, {@code s}) forms check. Token authentication needs the password itself, so it is kept sealed
 * ({@link SealedSecrets}: AES-256-GCM) in {@value #ACCOUNT_FILE}, under a key of its own in {@value #KEY_FILE}, both in
 * the folder given and readable by the server's user only (mode 600), as Navidrome keeps its users' passwords.
 * Thread-safe.
 */
final class PlayerCredentials {

    static final String KEY_FILE = "player.key";
    static final String ACCOUNT_FILE = "player-account";

    /** A user name and password. */
    record Account(String username, String password) {
        @Override
        public String toString() {
            return "Account[" + username + "]";
        }
    }

    private final Path folder;
    private final SealedSecrets secrets;
    private volatile Optional<Account> current;

    /**
     * @param folder where the key and the account are kept, made when missing
     * @throws IOException if they cannot be read, or the account does not decrypt with the key
     */
    PlayerCredentials(Path folder) throws IOException {
        this.folder = folder;
        this.secrets = SealedSecrets.underKey(folder.resolve(KEY_FILE));
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
        String sealed = secrets.seal(account.username() + "\n" + account.password());
        DurableFiles.replace(folder.resolve(ACCOUNT_FILE), sealed.getBytes(StandardCharsets.UTF_8),
                DurableFiles.Access.OWNER_ONLY);
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
        String plain;
        try {
            plain = secrets.open(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException("The player account in " + file + " does not decrypt with " + KEY_FILE
                    + ": set the player password again", e);
        }
        int newline = plain.indexOf('\n');
        if (newline < 0) {
            throw new IOException("The player account in " + file + " is damaged: set the player password again");
        }
        return Optional.of(new Account(plain.substring(0, newline), plain.substring(newline + 1)));
    }
}
