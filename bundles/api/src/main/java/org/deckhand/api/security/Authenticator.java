package org.deckhand.api.security;

import java.util.function.BooleanSupplier;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Decides who an API request comes from. The REST API serves nothing but {@code PermitAll} endpoints while no
 * authenticator is registered.
 */
@ProviderType
public interface Authenticator {

    /** The cookie that carries a browser's session, once it signed in through {@code POST /api/v1/session}. */
    String SESSION_COOKIE = "deckhand_session";

    /**
     * Checks the credentials of one request.
     *
     * @param authorization the request's {@code Authorization} header ({@code Basic ...} as RFC 7617, or
     *     {@code Bearer ...} with an API key as RFC 6750), or {@code null} when it has none
     * @param clientAddress the IP address the request came from, used to throttle repeated failures
     * @return the outcome, never null
     */
    Authentication authenticate(String authorization, String clientAddress);

    /**
     * Opens a session for a caller whose credentials were just granted, for a browser that cannot send them with every
     * request (an audio element, an event stream). A session ends when closed, after 12 hours without a request,
     * when the server stops, or when the API key it was opened with is revoked.
     *
     * @param principal who the caller is, as {@link Authentication#principal()} gave it
     * @return the session's id, 43 URL-safe characters holding 256 random bits, for the {@link #SESSION_COOKIE} cookie
     */
    String openSession(String principal);

    /**
     * Checks a session cookie.
     *
     * @param sessionId the cookie's value
     * @return a grant for the session's principal, or {@link Authentication#DENIED} when the session is unknown,
     *     closed or expired
     */
    Authentication authenticateSession(String sessionId);

    /**
     * Ends a session; an unknown one is ignored.
     *
     * @param sessionId the cookie's value
     */
    void closeSession(String sessionId);

    /**
     * Checks a credential that this service does not keep, such as the Subsonic API's player password, under the
     * throttle of every sign-in: a client address that failed too often, with any credential, is refused without the
     * check running, and a failed check counts towards the address's limit as a wrong password does (an address
     * throttled this way is posted as {@code org/deckhand/security/signin/THROTTLED} all the same).
     *
     * @param principal who the caller is when the check passes, such as {@code player:alice}
     * @param clientAddress the address the attempt comes from
     * @param check the check, true when the credential is right; run at most once
     * @return {@link Authentication.Outcome#GRANTED} with the principal, {@link Authentication.Outcome#DENIED}, or
     *     {@link Authentication.Outcome#THROTTLED} with the seconds to wait
     * @since 1.3
     */
    Authentication authenticateOther(String principal, String clientAddress, BooleanSupplier check);
}
