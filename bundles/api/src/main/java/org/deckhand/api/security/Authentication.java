package org.deckhand.api.security;

import java.util.Objects;

/**
 * The outcome of checking a request's credentials.
 *
 * @param outcome what was decided
 * @param principal who the caller is when {@code outcome} is {@link Outcome#GRANTED}: {@code admin}, or
 *     {@code apikey:ID:NAME} with the API key's id and name; otherwise {@code null}
 * @param retryAfterSeconds when {@code outcome} is {@link Outcome#THROTTLED} or {@link Outcome#BUSY}, how long the
 *     client must wait, in seconds; otherwise 0
 */
public record Authentication(Outcome outcome, String principal, long retryAfterSeconds) {

    /** The possible outcomes. */
    public enum Outcome {
        /** The credentials are valid. */
        GRANTED,
        /** The request carries no credentials. */
        MISSING,
        /** The credentials are wrong, unknown, revoked or malformed. */
        DENIED,
        /** The client failed too often recently and must wait; its credentials were not checked. */
        THROTTLED,
        /**
         * The server is checking as many passwords as it allows at once and could not check this one in time; it was
         * not checked, and the client may try again soon. Since 1.2.
         */
        BUSY
    }

    /** A request with no credentials. */
    public static final Authentication MISSING = new Authentication(Outcome.MISSING, null, 0);

    /** A request with wrong credentials. */
    public static final Authentication DENIED = new Authentication(Outcome.DENIED, null, 0);

    /** A request whose password could not be checked in time; the client may try again in 1 s. Since 1.2. */
    public static final Authentication BUSY = new Authentication(Outcome.BUSY, null, 1);

    /**
     * @throws NullPointerException if {@code outcome} is null, or {@code principal} is null for a grant
     */
    public Authentication {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == Outcome.GRANTED) {
            Objects.requireNonNull(principal, "principal");
        }
    }

    /**
     * @param principal who the caller is
     * @return a grant for {@code principal}
     */
    public static Authentication granted(String principal) {
        return new Authentication(Outcome.GRANTED, principal, 0);
    }

    /**
     * @param retryAfterSeconds how long the client must wait, in seconds
     * @return a refusal that tells the client to wait
     */
    public static Authentication throttled(long retryAfterSeconds) {
        return new Authentication(Outcome.THROTTLED, null, retryAfterSeconds);
    }
}
