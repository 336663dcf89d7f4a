package org.deckhand.security.internal;

import java.time.Instant;
import java.util.Optional;

/**
 * An API key as the server keeps it: never the secret itself, only its SHA-256.
 *
 * @param id public identifier of the key, 12 lower-case hex digits; also the first part of the token
 * @param name what the admin called it, such as {@code mpd on the living-room pi}
 * @param created when it was created
 * @param secretSha256 hex SHA-256 of the token's secret part
 */
record ApiKey(String id, String name, Instant created, String secretSha256) {

    /** How the principal of a request signed in with an API key begins. */
    static final String PRINCIPAL_PREFIX = "apikey:";

    /** @return the principal of requests signed in with this key: {@code apikey:ID:NAME} */
    String principal() {
        return PRINCIPAL_PREFIX + id + ":" + name;
    }

    /**
     * @param principal a principal, as {@link #principal()} or the admin's
     * @return the id of the key that signed it in, or empty for the admin
     */
    static Optional<String> idOf(String principal) {
        if (principal == null || !principal.startsWith(PRINCIPAL_PREFIX)) {
            return Optional.empty();
        }
        int end = principal.indexOf(':', PRINCIPAL_PREFIX.length());
        return Optional.of(principal.substring(PRINCIPAL_PREFIX.length(), end < 0 ? principal.length() : end));
    }

    /**
     * @param principal a principal, as {@link #principal()} gives it
     * @return the key's name
     */
    static String nameOf(String principal) {
        int end = principal.indexOf(':', PRINCIPAL_PREFIX.length());
        return end < 0 ? principal.substring(PRINCIPAL_PREFIX.length()) : principal.substring(end + 1);
    }
}
