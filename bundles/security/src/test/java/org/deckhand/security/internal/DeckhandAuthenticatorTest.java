package org.deckhand.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.deckhand.api.runtime.RuntimeProperties;
import org.deckhand.api.security.Authentication;
import org.deckhand.api.security.Authentication.Outcome;
import org.deckhand.testing.RecordingEventAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;

class DeckhandAuthenticatorTest {

    private static final int FAST_ITERATIONS = 1_000;

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock();
    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    private final SecurityEvents events = new SecurityEvents(eventAdmin);

    @Test
    void aSessionSignsTheBrowserInUntilItIsClosedOrIdleForTwelveHours() throws IOException {
        DeckhandAuthenticator authenticator = new DeckhandAuthenticator(folder, "pw", FAST_ITERATIONS, clock, events);
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
        DeckhandAuthenticator authenticator = new DeckhandAuthenticator(folder, "s3cret", FAST_ITERATIONS, clock, events);

        assertEquals(Authentication.granted("admin"), authenticator.authenticate(basic("admin", "s3cret"), "ip"));
        assertEquals(Outcome.DENIED, authenticator.authenticate(basic("admin", "S3cret"), "ip").outcome());
        assertEquals(Outcome.DENIED, authenticator.authenticate(basic("root", "s3cret"), "ip").outcome());
        assertEquals(Outcome.MISSING, authenticator.authenticate(null, "ip").outcome());
    }

    @Test
    void aCredentialKeptElsewhereIsCheckedUnderTheSameThrottleAsTheAdminPassword() throws IOException {
        DeckhandAuthenticator authenticator = new DeckhandAuthenticator(folder, "pw", FAST_ITERATIONS, clock, events);
        AtomicInteger checks = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            assertEquals(Outcome.DENIED, authenticator.authenticateOther("player:dj", "ip", () -> {
                checks.incrementAndGet();
                return false;
            }).outcome());
        }
        Authentication refused = authenticator.authenticateOther("player:dj", "ip", () -> {
            checks.incrementAndGet();
            return true;
        });

        assertEquals(Outcome.THROTTLED, refused.outcome());
        assertEquals(10, checks.get(), "a throttled address is not checked");
        assertEquals(Outcome.THROTTLED, authenticator.authenticate(basic("admin", "pw"), "ip").outcome());
        assertEquals(Authentication.granted("player:dj"), authenticator.authenticateOther("player:dj", "other",
                () -> true));
    }

    @Test
    void thePasswordTheKernelHandedOverIsReadOnceAndItsFileDeleted() throws IOException {
        Path data = folder.resolve("data");
        Path handed = data.resolve(RuntimeProperties.INITIAL_ADMIN_PASSWORD_FILE);
        Files.createDirectories(handed.getParent());
        Files.writeString(handed, "handed over");

        assertEquals("handed over", DeckhandAuthenticator.takeInitialPassword(data));
        assertFalse(Files.exists(handed), "the password does not stay on disk");
        assertNull(DeckhandAuthenticator.takeInitialPassword(data), "nothing handed over at the next start");
    }

    @Test
    void theInitialPasswordOnlyCountsOnFirstStart() throws IOException {
        new DeckhandAuthenticator(folder, "first", FAST_ITERATIONS, clock, events);
        DeckhandAuthenticator restarted = new DeckhandAuthenticator(folder, "second", FAST_ITERATIONS, clock, events);

        assertEquals(Outcome.GRANTED, restarted.authenticate(basic("admin", "first"), "ip").outcome());
        assertEquals(Outcome.DENIED, restarted.authenticate(basic("admin", "second"), "ip").outcome());
    }

    @Test
    void withoutAnInitialPasswordOneIsGeneratedAndOnlyItsHashIsStored() throws IOException {
        new DeckhandAuthenticator(folder, null, FAST_ITERATIONS, clock, events);

        String stored = Files.readString(folder.resolve(AdminCredential.FILE_NAME));
        assertTrue(stored.startsWith("pbkdf2-sha256$"), stored);
    }

    @Test
    void anApiKeySignsItsClientIn() throws IOException {
        DeckhandAuthenticator authenticator = new DeckhandAuthenticator(folder, "pw", FAST_ITERATIONS, clock, events);
        ApiKeyStore.CreatedKey key = authenticator.apiKeys().create("vlc");
        String token = key.token();

        assertEquals(Authentication.granted("apikey:" + key.key().id() + ":vlc"),
                authenticator.authenticate("Bearer " + token, "ip"));
        assertEquals(Outcome.DENIED, authenticator.authenticate("Bearer " + token + "x", "ip").outcome());
    }

    @Test
    void malformedHeadersAreDeniedNotErrors() throws IOException {
        DeckhandAuthenticator authenticator = new DeckhandAuthenticator(folder, "pw", FAST_ITERATIONS, clock, events);

        for (String header : new String[] {"Basic", "Basic !!!not-base64", "Basic " + encode("no-colon"),
                "Digest username=admin", "Bearer", "   "}) {
            Outcome outcome = authenticator.authenticate(header, "ip").outcome();
            assertTrue(outcome == Outcome.DENIED || outcome == Outcome.MISSING, header + " gave " + outcome);
        }
    }

    @Test
    void tenWrongPasswordsHoldTheAddressBackEvenWithTheRightOne() throws IOException {
        DeckhandAuthenticator authenticator = new DeckhandAuthenticator(folder, "pw", FAST_ITERATIONS, clock, events);
        for (int i = 0; i < FailureThrottle.MAX_FAILURES; i++) {
            authenticator.authenticate(basic("admin", "guess" + i), "198.51.100.9");
        }

        Authentication held = authenticator.authenticate(basic("admin", "pw"), "198.51.100.9");

        assertEquals(Outcome.THROTTLED, held.outcome());
        assertTrue(held.retryAfterSeconds() > 0);
        assertEquals(Outcome.GRANTED, authenticator.authenticate(basic("admin", "pw"), "198.51.100.10").outcome());
    }

    @Test
    void anAddressThatGetsThrottledIsPostedOnceWithItsCountAndNothingItSent() throws IOException {
        DeckhandAuthenticator authenticator = new DeckhandAuthenticator(folder, "pw", FAST_ITERATIONS, clock, events);
        for (int i = 0; i < FailureThrottle.MAX_FAILURES - 1; i++) {
            authenticator.authenticate(basic("admin", "guess-" + i), "198.51.100.9");
        }
        assertTrue(eventAdmin.of(Topics.SECURITY_SIGNIN_THROTTLED).isEmpty(), "nine failures are not throttled");

        authenticator.authenticate(basic("admin", "guess-9"), "198.51.100.9");
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofSeconds(30));
            authenticator.authenticate(basic("admin", "later-" + i), "198.51.100.9");
            authenticator.authenticate("Bearer dh_0123456789ab_" + "x".repeat(43), "198.51.100.9");
        }

        List<Event> throttled = eventAdmin.of(Topics.SECURITY_SIGNIN_THROTTLED);
        assertEquals(1, throttled.size(), "50 minutes of guessing at the pace the throttle allows are told of once");
        Event event = throttled.get(0);
        assertEquals("198.51.100.9", event.getProperty(EventProperties.CLIENT_ADDRESS));
        assertEquals((long) FailureThrottle.MAX_FAILURES, event.getProperty(EventProperties.FAILED_COUNT));
        assertEquals(FailureThrottle.WINDOW.toSeconds(), event.getProperty(EventProperties.WINDOW_SECONDS));
        for (String name : event.getPropertyNames()) {
            String value = String.valueOf(event.getProperty(name));
            assertFalse(value.contains("guess") || value.contains("later") || value.contains("dh_"),
                    name + " holds what the client sent: " + value);
        }

        clock.advance(FailureThrottle.TOLD_AGAIN_AFTER);
        for (int i = 0; i < FailureThrottle.MAX_FAILURES; i++) {
            authenticator.authenticate(basic("admin", "again-" + i), "198.51.100.9");
        }
        assertEquals(2, eventAdmin.of(Topics.SECURITY_SIGNIN_THROTTLED).size(),
                "throttled again an hour after it was told");
    }

    @Test
    void anApiKeyCreatedOrRevokedThroughTheApiIsPostedByIdAndNameNeverItsToken() throws IOException {
        DeckhandAuthenticator authenticator = new DeckhandAuthenticator(folder, "pw", FAST_ITERATIONS, clock, events);
        ApiKeysResource resource = new ApiKeysResource(authenticator);

        ApiKeysResource.CreatedKeyView created = (ApiKeysResource.CreatedKeyView) resource
                .create(new ApiKeysResource.NewKey("mpd on the living-room pi")).getEntity();
        resource.revoke(created.id());

        assertTrue(created.token().startsWith("dh_" + created.id() + "_"), created.token());
        List<Event> all = eventAdmin.all();
        assertEquals(List.of(Topics.SECURITY_APIKEY_CREATED, Topics.SECURITY_APIKEY_REVOKED),
                all.stream().map(Event::getTopic).toList());
        for (Event event : all) {
            assertEquals(created.id(), event.getProperty(EventProperties.KEY_ID));
            assertEquals("mpd on the living-room pi", event.getProperty(EventProperties.KEY_NAME));
            String secret = created.token().substring(("dh_" + created.id() + "_").length());
            for (String name : event.getPropertyNames()) {
                assertFalse(String.valueOf(event.getProperty(name)).contains(secret), name + " holds the token");
            }
        }
        assertThrows(NotFoundException.class, () -> resource.revoke(created.id()));
        assertEquals(2, eventAdmin.all().size(), "a key that is not there is not revoked again");
    }

    /**
     * Forty wrong passwords checked at once from one address, each hash slow enough that all of them are under way
     * before the first fails: the throttle's allowance bounds how many are checked at all.
     */
    @Test
    void parallelWrongPasswordsFromOneAddressAreCheckedNoMoreOftenThanTheThrottleAllows() throws Exception {
        DeckhandAuthenticator authenticator = new DeckhandAuthenticator(folder, "pw", 20_000, clock, events);
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
        DeckhandAuthenticator authenticator = new DeckhandAuthenticator(folder, "pw", FAST_ITERATIONS, clock, events);
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
        DeckhandAuthenticator authenticator = new DeckhandAuthenticator(folder, "pw", FAST_ITERATIONS, clock, events);
        String wrongKey = "Bearer dh_000000000000_" + "A".repeat(43);
        for (int i = 0; i < FailureThrottle.MAX_NETWORK_FAILURES; i++) {
            authenticator.authenticate(wrongKey, "2001:db8:0:7:" + Integer.toHexString(i + 1) + "::1");
        }

        assertEquals(Outcome.THROTTLED, authenticator.authenticate(wrongKey, "2001:db8:0:7:ffff::9").outcome());
        assertEquals(Outcome.DENIED, authenticator.authenticate(wrongKey, "2001:db8:0:8::1").outcome());
    }

    @Test
    void aSessionOpenedWithAnApiKeyEndsWhenTheKeyIsRevoked() throws IOException {
        DeckhandAuthenticator authenticator = new DeckhandAuthenticator(folder, "pw", FAST_ITERATIONS, clock, events);
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
