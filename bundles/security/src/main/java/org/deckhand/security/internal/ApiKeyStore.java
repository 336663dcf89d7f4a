package org.deckhand.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deckhand.api.io.DurableFiles;

/**
 * The API keys the admin created, in {@code DATA/security/api-keys.tsv}: one line a key with its id, creation time,
 * the SHA-256 of its secret and its name.
 *
 * <p>A token reads {@code dh_ID_SECRET}: the id finds the key, the secret (32 random bytes, Base64url) proves it. A
 * fast hash suffices for a secret of 256 random bits, which no dictionary holds. A key created or revoked is told to
 * {@link SecurityEvents}, by its id and name, once it is on disk.
 */
final class ApiKeyStore {

    static final String FILE_NAME = "api-keys.tsv";

    private static final Pattern TOKEN = Pattern.compile("dh_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");
    private static final int NAME_MAX = 100;
    private static final int REPLACEMENT = 0xFFFD;

    private final Path file;
    private final Clock clock;
    private final SecurityEvents events;
    private final SecureRandom random = new SecureRandom();
    /** The keys as the key file holds them: replaced, never changed, once the file is written; guarded by this. */
    private Map<String, ApiKey> keys = new LinkedHashMap<>();

    /**
     * @param securityFolder the folder holding the key file
     * @param clock the clock that stamps new keys
     * @param events where keys created and revoked are told
     * @throws IOException if an existing key file cannot be read
     * @throws IllegalStateException if a line of the key file is corrupt
     */
    ApiKeyStore(Path securityFolder, Clock clock, SecurityEvents events) throws IOException {
        this.file = securityFolder.resolve(FILE_NAME);
        this.clock = clock;
        this.events = events;
        if (Files.exists(file)) {
            int lineNumber = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t", 4);
                if (fields.length != 4) {
                    throw new IllegalStateException(file + " line " + lineNumber + " is not an API key record");
                }
                keys.put(fields[0], new ApiKey(fields[0], fields[3], Instant.parse(fields[1]), fields[2]));
            }
        }
    }

    /**
     * Creates a key and stores its hash; the key exists once it is on disk, and not at all if it cannot be stored.
     *
     * @param name what the admin calls it; control characters become spaces, a half of a UTF-16 surrogate pair
     *     without its other half becomes U+FFFD, and it is cut to {@value #NAME_MAX} code points, never inside one
     * @return the key as stored, and the token: the only time the token exists outside the client
     * @throws IOException if the key file cannot be written
     * @throws IllegalArgumentException if the name is blank
     */
    synchronized CreatedKey create(String name) throws IOException {
        String cleanName = cleanName(name);
        if (cleanName.isEmpty()) {
            throw new IllegalArgumentException("an API key needs a name, such as the client that will use it");
        }
        byte[] idBytes = new byte[6];
        byte[] secretBytes = new byte[32];
        String id;
        do {
            random.nextBytes(idBytes);
            id = HexFormat.of().formatHex(idBytes);
        } while (keys.containsKey(id));
        random.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        ApiKey key = new ApiKey(id, cleanName, clock.instant(), sha256(secret));
        Map<String, ApiKey> next = new LinkedHashMap<>(keys);
        next.put(id, key);
        save(next);
        keys = next;
        events.keyCreated(key);
        return new CreatedKey(key, "dh_" + id + "_" + secret);
    }

    /**
     * Revokes a key: once this returns, the key file no longer holds it, even after a crash.
     *
     * @param id a key's id
     * @return whether the key existed; it no longer does
     * @throws IOException if the key file cannot be written; the key then still works
     */
    synchronized boolean revoke(String id) throws IOException {
        if (!keys.containsKey(id)) {
            return false;
        }
        Map<String, ApiKey> next = new LinkedHashMap<>(keys);
        ApiKey revoked = next.remove(id);
        save(next);
        keys = next;
        events.keyRevoked(revoked);
        return true;
    }

    /**
     * @param id a key's id
     * @return whether the key exists, not revoked
     */
    synchronized boolean exists(String id) {
        return keys.containsKey(id);
    }

    /**
     * @return every key, oldest first
     */
    synchronized List<ApiKey> list() {
        return new ArrayList<>(keys.values());
    }

    /**
     * @param token a token as a client presents it
     * @return the key it proves, if it is well formed, known and its secret matches
     */
    Optional<ApiKey> verify(String token) {
        Matcher matcher = TOKEN.matcher(token);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        ApiKey key;
        synchronized (this) {
            key = keys.get(matcher.group(1));
        }
        if (key == null) {
            return Optional.empty();
        }
        boolean matches = MessageDigest.isEqual(key.secretSha256().getBytes(StandardCharsets.US_ASCII),
                sha256(matcher.group(2)).getBytes(StandardCharsets.US_ASCII));
        return matches ? Optional.of(key) : Optional.empty();
    }

    private static String cleanName(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder();
        name.strip().codePoints().limit(NAME_MAX).forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' '
                : Character.isSurrogate((char) c) && Character.isBmpCodePoint(c) ? REPLACEMENT : c));
        return clean.toString().strip();
    }

    private void save(Map<String, ApiKey> content) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (ApiKey key : content.values()) {
            lines.append(key.id()).append('\t').append(key.created()).append('\t').append(key.secretSha256())
                    .append('\t').append(key.name()).append('\n');
        }
        DurableFiles.replace(file, lines.toString().getBytes(StandardCharsets.UTF_8),
                DurableFiles.Access.OWNER_ONLY);
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256", e);
        }
    }

    /**
     * A key just created.
     *
     * @param key the key as stored
     * @param token the token to hand to the client, once
     */
    record CreatedKey(ApiKey key, String token) {
    }
}
