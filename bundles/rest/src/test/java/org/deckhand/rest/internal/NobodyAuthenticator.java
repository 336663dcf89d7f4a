package org.deckhand.rest.internal;

import java.util.function.BooleanSupplier;
import org.deckhand.api.security.Authentication;
import org.deckhand.api.security.Authenticator;

/** An authenticator that lets nobody in, for tests of what the REST layer does before and around signing in. */
final class NobodyAuthenticator implements Authenticator {

    @Override
    public Authentication authenticate(String authorization, String clientAddress) {
        return Authentication.DENIED;
    }

    @Override
    public String openSession(String principal) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Authentication authenticateSession(String sessionId) {
        return Authentication.DENIED;
    }

    @Override
    public void closeSession(String sessionId) {
    }

    @Override
    public Authentication authenticateOther(String principal, String clientAddress, BooleanSupplier check) {
        return Authentication.DENIED;
    }
}
