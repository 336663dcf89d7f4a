package org.deckhand.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Decides who an API request comes from. The REST API serves nothing but {@code PermitAll} endpoints while no
 * authenticator is registered.
 */
@ProviderType
public interface Authenticator {

    /**
     * Checks the credentials of one request.
     *
     * @param authorization the request's {@code Authorization} header ({@code Basic ...} as RFC 7617, or
     *     {@code Bearer ...} with an API key as RFC 6750), or {@code null} when it has none
     * @param clientAddress the IP address the request came from, used to throttle repeated failures
     * @return the outcome, never null
     */
    Authentication authenticate(String authorization, String clientAddress);
}
