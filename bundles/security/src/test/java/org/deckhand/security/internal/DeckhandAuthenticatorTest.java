package org.deckhand.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.deckhand.api.security.Authentication;
import org.deckhand.api.security.Authentication.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeckhandAuthenticatorTest {

    private static final int FAST_ITERATIONS = 1_000;

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock();

    @Test
    void aSessionSignsTheBrowserInUntilItIsClosedOrIdleForTwelveHours() throws IOException {
        DeckhandAuthenticator authenticator = new DeckhandAuthenticator(folder, "pw", FAST_ITERATIONS, clock);
        String session = authenticator.openSession("admin");
        String other = authenticator.openSession("apikey:phone");

        assertEquals(43, session.length());
        assertEquals(Authentication.granted("admin"), authenticator.authenticateSession(session));
        assertEquals(Outcome.DENIED, authenticator.authenticateSession(session + "x").outcome());
        assertEquals(Outcome.MISSING, authenticator.authenticateSession(null).outcome());

        clock.advance(Sessions.IDLE.minusMinutes(1));
        assertEquals(Outcome.GRANTED, authenticator.authenticateSession(session).outcome(), "still used");
        clock.advance(Sessions.IDLE.minusMinutes(1));
        assertEquals(Outcome.GRANTED, authenticator.authenticateSession(session).outcome(), "each use extends it");
        assertEquals(Outcome.DENIED, authenticator.authenticateSession(other).outcome(), "idle for too long");

        authenticator.closeSession(session);
        assertEquals(Outcome.DENIED, authenticator.authenticateSession(session).outcome());
    }

    @Test
    void theInitialPasswordFromTheEnvironmentSignsTheAdminIn() throws IOException {
        DeckhandAuthenticator authenticator = new DeckhandAuthenticator(folder, "s3cret", FAST_ITERATIONS, clock);

        assertEquals(Authentication.granted("admin"), authenticator.authenticate(basic("admin", "s3cret"), "ip"));
        assertEquals(Outcome.DENIED, authenticator.authenticate(basic("admin", "S3cret"), "ip").outcome());
        assertEquals(Outcome.DENIED, authenticator.authenticate(basic("root", "s3cret"), "ip").outcome());
        assertEquals(Outcome.MISSING, authenticator.authenticate(null, "ip").outcome());
    }

    @Test
    void theInitialPasswordOnlyCountsOnFirstStart() throws IOException {
        new DeckhandAuthenticator(folder, "first", FAST_ITERATIONS, clock);
        DeckhandAuthenticator restarted = new DeckhandAuthenticator(folder, "second", FAST_ITERATIONS, clock);

        assertEquals(Outcome.GRANTED, restarted.authenticate(basic("admin", "first"), "ip").outcome());
        assertEquals(Outcome.DENIED, restarted.authenticate(basic("admin", "second"), "ip").outcome());
    }

    @Test
    void withoutAnInitialPasswordOneIsGeneratedAndOnlyItsHashIsStored() throws IOException {
        new DeckhandAuthenticator(folder, null, FAST_ITERATIONS, clock);

        String stored = Files.readString(folder.resolve(AdminCredential.FILE_NAME));
        assertTrue(stored.startsWith("pbkdf2-sha256$"), stored);
    }

    @Test
    void anApiKeySignsItsClientIn() throws IOException {
        DeckhandAuthenticator authenticator = new DeckhandAuthenticator(folder, "pw", FAST_ITERATIONS, clock);
        String token = authenticator.apiKeys().create("vlc").token();

        assertEquals(Authentication.granted("apikey:vlc"), authenticator.authenticate("Bearer " + token, "ip"));
        assertEquals(Outcome.DENIED, authenticator.authenticate("Bearer " + token + "x", "ip").outcome());
    }

    @Test
    void malformedHeadersAreDeniedNotErrors() throws IOException {
        DeckhandAuthenticator authenticator = new DeckhandAuthenticator(folder, "pw", FAST_ITERATIONS, clock);

        for (String header : new String[] {"Basic", "Basic !!!not-base64", "Basic " + encode("no-colon"),
                "Digest username=admin", "Bearer", "   "}) {
            Outcome outcome = authenticator.authenticate(header, "ip").outcome();
            assertTrue(outcome == Outcome.DENIED || outcome == Outcome.MISSING, header + " gave " + outcome);
        }
    }

    @Test
    void tenWrongPasswordsHoldTheAddressBackEvenWithTheRightOne() throws IOException {
        DeckhandAuthenticator authenticator = new DeckhandAuthenticator(folder, "pw", FAST_ITERATIONS, clock);
        for (int i = 0; i < FailureThrottle.MAX_FAILURES; i++) {
            authenticator.authenticate(basic("admin", "guess" + i), "198.51.100.9");
        }

        Authentication held = authenticator.authenticate(basic("admin", "pw"), "198.51.100.9");

        assertEquals(Outcome.THROTTLED, held.outcome());
        assertTrue(held.retryAfterSeconds() > 0);
        assertEquals(Outcome.GRANTED, authenticator.authenticate(basic("admin", "pw"), "198.51.100.10").outcome());
    }

    private static String basic(String user, String password) {
        return "Basic " + encode(user + ":" + password);
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
