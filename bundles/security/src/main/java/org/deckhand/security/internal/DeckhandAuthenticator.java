package org.deckhand.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.deckhand.api.runtime.RuntimeProperties;
import org.deckhand.api.security.Authentication;
import org.deckhand.api.security.Authenticator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates API requests: HTTP Basic with user {@value #ADMIN} and the admin password (RFC 7617), or an API key
 * as a Bearer token (RFC 6750). On first start, when no admin password exists, it sets the one given in
 * {@code DECKHAND_ADMIN_PASSWORD}, or generates one and prints it once. Browsers that signed in carry a session
 * cookie instead.
 */
@Component(service = {Authenticator.class, DeckhandAuthenticator.class})
public final class DeckhandAuthenticator implements Authenticator {

    /** The one user name that HTTP Basic accepts. */
    public static final String ADMIN = "admin";

    private static final Logger LOG = LoggerFactory.getLogger(DeckhandAuthenticator.class);
    private static final String GENERATED_ALPHABET = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int GENERATED_LENGTH = 20;

    private final AdminCredential admin;
    private final ApiKeyStore apiKeys;
    private final FailureThrottle throttle;
    private final Sessions sessions;

    /**
     * Opens the credential store in {@code DATA/security}, setting the admin password on first start.
     *
     * @param context this bundle's context, for the data folder and the initial password
     * @throws IOException if the credential store cannot be read or written
     */
    @Activate
    public DeckhandAuthenticator(BundleContext context) throws IOException {
        this(Path.of(context.getProperty(RuntimeProperties.DATA), "security"),
                context.getProperty(RuntimeProperties.ADMIN_PASSWORD), PasswordHash.DEFAULT_ITERATIONS,
                Clock.systemUTC());
    }

    DeckhandAuthenticator(Path securityFolder, String initialPassword, int iterations, Clock clock)
            throws IOException {
        admin = new AdminCredential(securityFolder, clock);
        apiKeys = new ApiKeyStore(securityFolder, clock);
        throttle = new FailureThrottle(clock);
        sessions = new Sessions(clock);
        if (!admin.exists()) {
            if (initialPassword != null && !initialPassword.isBlank()) {
                admin.set(initialPassword, iterations);
                LOG.info("Admin password set from DECKHAND_ADMIN_PASSWORD (user: {})", ADMIN);
            } else {
                String generated = generatePassword();
                admin.set(generated, iterations);
                LOG.warn("Generated admin password (shown only once; user: {}): {}", ADMIN, generated);
            }
        }
    }

    @Override
    public Authentication authenticate(String authorization, String clientAddress) {
        if (authorization == null || authorization.isBlank()) {
            return Authentication.MISSING;
        }
        long wait = throttle.secondsToWait(clientAddress);
        if (wait > 0) {
            return Authentication.throttled(wait);
        }
        String principal = principalOf(authorization.strip());
        if (principal == null) {
            throttle.recordFailure(clientAddress);
            return Authentication.DENIED;
        }
        throttle.recordSuccess(clientAddress);
        return Authentication.granted(principal);
    }

    @Override
    public String openSession(String principal) {
        return sessions.open(principal);
    }

    @Override
    public Authentication authenticateSession(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Authentication.MISSING;
        }
        return sessions.principal(sessionId).map(Authentication::granted).orElse(Authentication.DENIED);
    }

    @Override
    public void closeSession(String sessionId) {
        sessions.close(sessionId);
    }

    /**
     * @return the store of API keys, for the resource that manages them
     */
    ApiKeyStore apiKeys() {
        return apiKeys;
    }

    private String principalOf(String authorization) {
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = authorization.substring(0, space);
        String credentials = authorization.substring(space + 1).strip();
        if ("Basic".equalsIgnoreCase(scheme)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
            int colon = decoded.indexOf(':');
            boolean valid = colon > 0 && ADMIN.equals(decoded.substring(0, colon))
                    && admin.verify(decoded.substring(colon + 1));
            return valid ? ADMIN : null;
        }
        if ("Bearer".equalsIgnoreCase(scheme)) {
            return apiKeys.verify(credentials).map(key -> "apikey:" + key.name()).orElse(null);
        }
        return null;
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(GENERATED_ALPHABET.charAt(random.nextInt(GENERATED_ALPHABET.length())));
        }
        return password.toString();
    }
}
