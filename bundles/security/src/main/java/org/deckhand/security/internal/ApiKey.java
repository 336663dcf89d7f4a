package org.deckhand.security.internal;

import java.time.Instant;

/**
 * An API key as the server keeps it: never the secret itself, only its SHA-256.
 *
 * @param id public identifier of the key, 12 lower-case hex digits; also the first part of the token
 * @param name what the admin called it, such as {@code mpd on the living-room pi}
 * @param created when it was created
 * @param secretSha256 hex SHA-256 of the token's secret part
 */
record ApiKey(String id, String name, Instant created, String secretSha256) {
}
