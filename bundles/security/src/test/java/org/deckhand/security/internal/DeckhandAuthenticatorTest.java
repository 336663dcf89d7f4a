package org.deckhand.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        ApiKeyStore.CreatedKey key = authenticator.apiKeys().create("vlc");
        String token = key.token();

        assertEquals(Authentication.granted("apikey:" + key.key().id() + ":vlc"),
                authenticator.authenticate("Bearer " + token, "ip"));
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

    /**
     * Forty wrong passwords checked at once from one address, each hash slow enough that all of them are under way
     * before the first fails: the throttle's allowance bounds how many are checked at all.
     */
    @Test
    void parallelWrongPasswordsFromOneAddressAreCheckedNoMoreOftenThanTheThrottleAllows() throws Exception {
        DeckhandAuthenticator authenticator = new DeckhandAuthenticator(folder, "pw", 20_000, clock);
        int guesses = 4 * FailureThrottle.MAX_FAILURES;
        ExecutorService guessers = Executors.newFixedThreadPool(guesses);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < guesses; i++) {
                String header = basic("admin", "guess" + i);
                outcomes.add(guessers.submit(() -> {
                    start.await();
                    return authenticator.authenticate(header, "198.51.100.9").outcome();
                }));
            }
            start.countDown();
            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            for (Future<Outcome> outcome : outcomes) {
                counts.merge(outcome.get(), 1, Integer::sum);
            }

            assertTrue(counts.getOrDefault(Outcome.DENIED, 0) <= FailureThrottle.MAX_FAILURES, counts.toString());
            assertEquals(guesses, counts.getOrDefault(Outcome.DENIED, 0) + counts.getOrDefault(Outcome.THROTTLED, 0)
                    + counts.getOrDefault(Outcome.BUSY, 0), counts.toString());
        } finally {
            guessers.shutdownNow();
        }
    }

    @Test
    void tenThousandOtherAddressesDoNotReleaseAnAddressThatIsHeldBack() throws IOException {
        DeckhandAuthenticator authenticator = new DeckhandAuthenticator(folder, "pw", FAST_ITERATIONS, clock);
        String wrongKey = "Bearer dh_000000000000_" + "A".repeat(43);
        for (int i = 0; i < FailureThrottle.MAX_FAILURES; i++) {
            authenticator.authenticate(wrongKey, "198.51.100.9");
        }
        for (int i = 0; i < FailureThrottle.MAX_TRACKED_ADDRESSES; i++) {
            authenticator.authenticate(wrongKey, "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
        }

        assertEquals(Outcome.THROTTLED, authenticator.authenticate(wrongKey, "198.51.100.9").outcome());
    }

    @Test
    void rotatingAddressesOfOneIpv6NetworkShareTheNetworksAllowance() throws IOException {
        DeckhandAuthenticator authenticator = new DeckhandAuthenticator(folder, "pw", FAST_ITERATIONS, clock);
        String wrongKey = "Bearer dh_000000000000_" + "A".repeat(43);
        for (int i = 0; i < FailureThrottle.MAX_NETWORK_FAILURES; i++) {
            authenticator.authenticate(wrongKey, "2001:db8:0:7:" + Integer.toHexString(i + 1) + "::1");
        }

        assertEquals(Outcome.THROTTLED, authenticator.authenticate(wrongKey, "2001:db8:0:7:ffff::9").outcome());
        assertEquals(Outcome.DENIED, authenticator.authenticate(wrongKey, "2001:db8:0:8::1").outcome());
    }

    @Test
    void aSessionOpenedWithAnApiKeyEndsWhenTheKeyIsRevoked() throws IOException {
        DeckhandAuthenticator authenticator = new DeckhandAuthenticator(folder, "pw", FAST_ITERATIONS, clock);
        ApiKeyStore.CreatedKey tablet = authenticator.apiKeys().create("tablet");
        ApiKeyStore.CreatedKey phone = authenticator.apiKeys().create("tablet");
        String session = authenticator.openSession(authenticator.authenticate("Bearer " + tablet.token(), "ip")
                .principal());
        String other = authenticator.openSession(authenticator.authenticate("Bearer " + phone.token(), "ip")
                .principal());
        String admin = authenticator.openSession(authenticator.authenticate(basic("admin", "pw"), "ip").principal());
        assertEquals(Outcome.GRANTED, authenticator.authenticateSession(session).outcome());

        authenticator.apiKeys().revoke(tablet.key().id());

        assertEquals(Outcome.DENIED, authenticator.authenticateSession(session).outcome());
        assertEquals(Outcome.GRANTED, authenticator.authenticateSession(other).outcome(),
                "another key of the same name");
        assertEquals(Outcome.GRANTED, authenticator.authenticateSession(admin).outcome());
    }

    private static String basic(String user, String password) {
        return "Basic " + encode(user + ":" + password);
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
