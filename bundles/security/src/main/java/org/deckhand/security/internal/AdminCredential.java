package org.deckhand.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.deckhand.api.io.DurableFiles;

/**
 * The admin password, kept as a {@link PasswordHash} in {@code DATA/security/admin-password}.
 *
 * <p>Checking a slow hash on every request would make each API call cost a fifth of a second of CPU, so a password
 * that verified recently is remembered for {@link #REMEMBER} as its HMAC-SHA-256 under a random key that lives only
 * in memory (never the password), which {@link #remembered} compares with a candidate's HMAC in constant time.
 */
final class AdminCredential {

    static final String FILE_NAME = "admin-password";

    /** How long a verified password is remembered. */
    static final Duration REMEMBER = Duration.ofMinutes(15);

    private final Path file;
    private final Clock clock;
    private final Mac mac;
    /** The password verified last, or null; guarded by {@code this}, with {@link #hash}. */
    private Remembered recentlyVerified;
    private volatile PasswordHash hash;

    /**
     * @param securityFolder the folder holding the credential file
     * @param clock the clock that ages remembered verifications
     * @throws IOException if an existing credential file cannot be read
     * @throws IllegalStateException if the credential file is corrupt
     */
    AdminCredential(Path securityFolder, Clock clock) throws IOException {
        this.file = securityFolder.resolve(FILE_NAME);
        this.clock = clock;
        this.mac = newMac();
        if (Files.exists(file)) {
            try {
                hash = PasswordHash.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("The admin credential " + file + " is corrupt (" + e.getMessage()
                        + "); delete it and restart to set a new password", e);
            }
        }
    }

    /**
     * @return whether an admin password has been set
     */
    boolean exists() {
        return hash != null;
    }

    /**
     * Sets the admin password, replacing any previous one.
     *
     * @param password the new password
     * @param iterations PBKDF2 iteration count, {@link PasswordHash#DEFAULT_ITERATIONS} outside tests
     * @throws IOException if it cannot be stored
     */
    void set(String password, int iterations) throws IOException {
        PasswordHash next = PasswordHash.create(password, iterations);
        DurableFiles.replace(file, (next.encode() + "\n").getBytes(StandardCharsets.UTF_8),
                DurableFiles.Access.OWNER_ONLY);
        synchronized (this) {
            recentlyVerified = null;
            hash = next;
        }
    }

    /**
     * The fast check: whether a password verified by {@link #verify} within {@link #REMEMBER} is this one.
     *
     * @param password a candidate password
     * @return whether it is the admin password as it was verified recently; false says nothing
     */
    boolean remembered(String password) {
        byte[] token = fingerprint(password);
        Remembered last;
        synchronized (this) {
            last = recentlyVerified;
        }
        return last != null && clock.instant().isBefore(last.until()) && MessageDigest.isEqual(last.hmac(), token);
    }

    /**
     * The slow check, a {@link PasswordHash} of the candidate; a match is remembered for {@link #remembered}.
     *
     * @param password a candidate password
     * @return whether it is the admin password
     */
    boolean verify(String password) {
        PasswordHash current = hash;
        if (current == null || !current.matches(password)) {
            return false;
        }
        byte[] token = fingerprint(password);
        synchronized (this) {
            if (hash == current) {
                recentlyVerified = new Remembered(token, clock.instant().plus(REMEMBER));
            }
        }
        return true;
    }

    private byte[] fingerprint(String password) {
        synchronized (mac) {
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Mac newMac() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("this JVM lacks HmacSHA256", e);
        }
    }

    /** The password verified last: its HMAC, and until when it counts. */
    private record Remembered(byte[] hmac, Instant until) {
    }
}
