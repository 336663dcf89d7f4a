package org.deckhand.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.deckhand.api.runtime.RuntimeProperties;
import org.deckhand.api.security.Authentication;
import org.deckhand.api.security.Authenticator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates API requests: HTTP Basic with user {@value #ADMIN} and the admin password (RFC 7617), or an API key
 * as a Bearer token (RFC 6750). On first start, when no admin password exists, it sets the one given in
 * {@code DECKHAND_ADMIN_PASSWORD}, or generates one and prints it once. Browsers that signed in carry a session
 * cookie instead. An address that gets throttled, and API keys created and revoked, are posted to EventAdmin
 * ({@link SecurityEvents}).
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
    private final HashingGate hashing;

    /**
     * Opens the credential store in {@code DATA/security}, setting the admin password on first start.
     *
     * @param context this bundle's context, for the data folder and the initial password
     * @param eventAdmin where throttled addresses and API keys created and revoked are posted
     * @throws IOException if the credential store cannot be read or written
     */
    @Activate
    public DeckhandAuthenticator(BundleContext context, @Reference EventAdmin eventAdmin) throws IOException {
        this(Path.of(context.getProperty(RuntimeProperties.DATA), "security"),
                takeInitialPassword(Path.of(context.getProperty(RuntimeProperties.DATA))),
                PasswordHash.DEFAULT_ITERATIONS, Clock.systemUTC(), new SecurityEvents(eventAdmin));
    }

    /**
     * Reads and deletes the password the kernel handed over from {@code DECKHAND_ADMIN_PASSWORD}, so that it is on
     * disk for no longer than this bundle takes to start.
     *
     * @param data the data folder
     * @return the password, or null when none was handed over
     * @throws IOException if the file exists but cannot be read or deleted
     */
    static String takeInitialPassword(Path data) throws IOException {
        Path handed = data.resolve(RuntimeProperties.INITIAL_ADMIN_PASSWORD_FILE);
        if (!Files.exists(handed)) {
            return null;
        }
        String password = Files.readString(handed, StandardCharsets.UTF_8);
        Files.delete(handed);
        return password;
    }

    DeckhandAuthenticator(Path securityFolder, String initialPassword, int iterations, Clock clock,
            SecurityEvents events) throws IOException {
        admin = new AdminCredential(securityFolder, clock);
        apiKeys = new ApiKeyStore(securityFolder, clock, events);
        throttle = new FailureThrottle(clock, events);
        sessions = new Sessions(clock);
        hashing = new HashingGate(HashingGate.CONCURRENT_HASHES, HashingGate.WAIT);
        if (!admin.exists()) {
            if (initialPassword != null && !initialPassword.isBlank()) {
                admin.set(initialPassword, iterations);
                LOG.info("Admin password set from DECKHAND_ADMIN_PASSWORD (user: {})", ADMIN);
            } else {
                String generated = generatePassword();
                admin.set(generated, iterations);
                LOG.warn("Generated admin password (shown only once; user: {}): {}", ADMIN, generated);
            }
        } else if (initialPassword != null) {
            LOG.info("DECKHAND_ADMIN_PASSWORD is ignored: the admin password was set on an earlier start (README, "
                    + "\"Sign in\", says how to reset it)");
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>The client's throttle allowance is taken first: a throttled client is refused whatever it sends. A Bearer
     * token, or a password verified within {@link AdminCredential#REMEMBER}, is checked at once; any other password
     * waits for its turn at the {@link HashingGate}, and is refused as busy, unchecked, if the turn does not come. A
     * password that another request verified while this one waited needs no hash of its own.
     */
    @Override
    public Authentication authenticate(String authorization, String clientAddress) {
        if (authorization == null || authorization.isBlank()) {
            return Authentication.MISSING;
        }
        FailureThrottle.Attempt attempt = throttle.begin(clientAddress);
        if (!attempt.allowed()) {
            return Authentication.throttled(attempt.retryAfterSeconds());
        }
        Authentication result = check(authorization.strip());
        switch (result.outcome()) {
            case GRANTED -> attempt.succeeded();
            case DENIED -> attempt.failed();
            default -> attempt.abandoned();
        }
        return result;
    }

    @Override
    public Authentication authenticateOther(String principal, String clientAddress, BooleanSupplier check) {
        FailureThrottle.Attempt attempt = throttle.begin(clientAddress);
        if (!attempt.allowed()) {
            return Authentication.throttled(attempt.retryAfterSeconds());
        }
        boolean right;
        try {
            right = check.getAsBoolean();
        } catch (RuntimeException e) {
            attempt.abandoned();
            throw e;
        }
        if (right) {
            attempt.succeeded();
            return Authentication.granted(principal);
        }
        attempt.failed();
        return Authentication.DENIED;
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
        Optional<String> principal = sessions.principal(sessionId);
        Optional<String> keyId = principal.flatMap(ApiKey::idOf);
        if (keyId.isPresent() && !apiKeys.exists(keyId.get())) {
            sessions.close(sessionId);
            return Authentication.DENIED;
        }
        return principal.map(Authentication::granted).orElse(Authentication.DENIED);
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

    /** @return a grant, a denial, or {@link Authentication#BUSY} if the password could not be checked in time */
    private Authentication check(String authorization) {
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return Authentication.DENIED;
        }
        String scheme = authorization.substring(0, space);
        String credentials = authorization.substring(space + 1).strip();
        if ("Basic".equalsIgnoreCase(scheme)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return Authentication.DENIED;
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0 || !ADMIN.equals(decoded.substring(0, colon))) {
                return Authentication.DENIED;
            }
            String password = decoded.substring(colon + 1);
            if (admin.remembered(password)) {
                return Authentication.granted(ADMIN);
            }
            return hashing.run(() -> admin.remembered(password) || admin.verify(password))
                    .map(valid -> valid ? Authentication.granted(ADMIN) : Authentication.DENIED)
                    .orElse(Authentication.BUSY);
        }
        if ("Bearer".equalsIgnoreCase(scheme)) {
            return apiKeys.verify(credentials).map(key -> Authentication.granted(key.principal()))
                    .orElse(Authentication.DENIED);
        }
        return Authentication.DENIED;
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
