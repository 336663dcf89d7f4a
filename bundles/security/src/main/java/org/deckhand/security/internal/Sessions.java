package org.deckhand.security.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The browsers' sessions, in memory: a restart signs everyone out. A session expires after {@link #IDLE} without a
 * request. Thread-safe.
 */
final class Sessions {

    /** How long a session lives without a request. */
    static final Duration IDLE = Duration.ofHours(12);
    private static final int ID_BYTES = 32;

    private final Map<String, Session> open = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    /** @return a new session's id, 256 random bits in URL-safe Base64 without padding */
    String open(String principal) {
        Instant now = clock.instant();
        open.values().removeIf(session -> session.expired(now));
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        open.put(id, new Session(principal, now));
        return id;
    }

    /** @return the principal of a live session, whose idle time starts again; empty if unknown or expired */
    Optional<String> principal(String id) {
        Instant now = clock.instant();
        Session session = open.computeIfPresent(id, (key, live) -> live.expired(now) ? null : live.touched(now));
        return Optional.ofNullable(session).map(Session::principal);
    }

    void close(String id) {
        open.remove(id);
    }

    private record Session(String principal, Instant lastUsed) {

        boolean expired(Instant now) {
            return lastUsed.plus(IDLE).isBefore(now);
        }

        Session touched(Instant now) {
            return new Session(principal, now);
        }
    }
}
