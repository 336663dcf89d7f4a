package org.deckhand.subsonic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.deckhand.api.event.Topics;
import org.deckhand.api.runtime.RuntimeProperties;
import org.deckhand.api.security.Authentication;
import org.deckhand.api.security.Authenticator;
import org.deckhand.security.internal.DeckhandAuthenticator;
import org.deckhand.testing.RecordingEventAdmin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

class SubsonicAuthTest {

    private static final String ADDRESS = "192.0.2.7";

    @TempDir
    Path folder;

    private PlayerCredentials player;
    private SubsonicAuth auth;

    /** Deckhand's authenticator as the security bundle answers: one valid key, the rest denied. */
    private final Authenticator keys = new Authenticator() {
        @Override
        public Authentication authenticate(String authorization, String clientAddress) {
            return authorization.equals("Bearer good-key") ? Authentication.granted("apikey:phone")
                    : Authentication.DENIED;
        }

        @Override
        public String openSession(String principal) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Authentication authenticateSession(String sessionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void closeSession(String sessionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Authentication authenticateOther(String principal, String clientAddress, BooleanSupplier check) {
            return check.getAsBoolean() ? Authentication.granted(principal) : Authentication.DENIED;
        }
    };

    @BeforeEach
    void setUp() throws IOException {
        player = new PlayerCredentials(folder);
        player.set(new PlayerCredentials.Account("alice", "sesame"));
        auth = new SubsonicAuth(keys, player);
    }

    @Test
    void tokenIsMd5OfPasswordAndSaltAsTheSubsonicDocumentationShows() throws SubsonicException {
        assertEquals("26719a1196d2a940705a59634eb18eab", SubsonicAuth.md5Hex("sesamec19b2d"));
        assertEquals("player:alice", auth.authenticate(params("u", "alice", "t", "26719a1196d2a940705a59634eb18eab",
                "s", "c19b2d"), ADDRESS));
    }

    @Test
    void plainAndHexEncodedPasswordsSignIn() throws SubsonicException {
        assertEquals("player:alice", auth.authenticate(params("u", "alice", "p", "sesame"), ADDRESS));
        String hex = HexFormat.of().formatHex("sesame".getBytes(StandardCharsets.UTF_8));
        assertEquals("player:alice", auth.authenticate(params("u", "alice", "p", "enc:" + hex), ADDRESS));
    }

    @Test
    void apiKeyIsCheckedByDeckhandsAuthenticator() throws SubsonicException {
        assertEquals("apikey:phone", auth.authenticate(params("apiKey", "good-key"), ADDRESS));
        assertEquals(SubsonicException.INVALID_API_KEY, code(params("apiKey", "bad-key")));
    }

    @Test
    void eachRefusalCarriesTheSpecsCode() {
        assertEquals(SubsonicException.MISSING_PARAMETER, code(params()));
        assertEquals(SubsonicException.MISSING_PARAMETER, code(params("u", "alice")));
        assertEquals(SubsonicException.MISSING_PARAMETER, code(params("u", "alice", "t", "abc")));
        assertEquals(SubsonicException.MULTIPLE_MECHANISMS, code(params("apiKey", "good-key", "u", "alice")));
        assertEquals(SubsonicException.MULTIPLE_MECHANISMS, code(params("u", "alice", "p", "sesame", "t", "x",
                "s", "y")));
        assertEquals(SubsonicException.WRONG_CREDENTIALS, code(params("u", "alice", "p", "wrong")));
        assertEquals(SubsonicException.WRONG_CREDENTIALS, code(params("u", "bob", "p", "sesame")));
        assertEquals(SubsonicException.WRONG_CREDENTIALS, code(params("u", "alice", "p", "enc:zz")));
    }

    @Test
    void playerPasswordGuessesShareTheThrottleOfEverySignIn() throws Exception {
        Path data = Files.createDirectories(folder.resolve("data"));
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty") && RuntimeProperties.DATA.equals(args[0])) {
                        return data.toString();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        RecordingEventAdmin events = new RecordingEventAdmin();
        DeckhandAuthenticator security = new DeckhandAuthenticator(context, events);
        SubsonicAuth shared = new SubsonicAuth(security, player);

        for (int i = 0; i < 10; i++) {
            SubsonicException wrong = assertThrows(SubsonicException.class,
                    () -> shared.authenticate(params("u", "alice", "p", "guess"), ADDRESS));
            assertEquals(SubsonicException.WRONG_CREDENTIALS, wrong.code());
        }
        SubsonicException locked = assertThrows(SubsonicException.class,
                () -> shared.authenticate(params("u", "alice", "p", "sesame"), ADDRESS));
        assertTrue(locked.getMessage().startsWith("Too many failed attempts from this address"), locked.getMessage());
        assertEquals(Authentication.Outcome.THROTTLED,
                security.authenticate("Bearer any-key", ADDRESS).outcome(), "the REST API's sign-in waits too");
        assertEquals(1, events.of(Topics.SECURITY_SIGNIN_THROTTLED).size(), "told as any throttled address");
        assertEquals("player:alice", shared.authenticate(params("u", "alice", "p", "sesame"), "192.0.2.8"),
                "another address signs in");
    }

    @Test
    void passwordIsStoredEncryptedInFilesOnlyTheServerReadsAndSurvivesARestart() throws IOException {
        String stored = Files.readString(folder.resolve(PlayerCredentials.ACCOUNT_FILE));
        assertFalse(stored.contains("sesame"));
        assertFalse(new String(Base64.getDecoder().decode(stored.strip()), StandardCharsets.ISO_8859_1)
                .contains("sesame"));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve(PlayerCredentials.KEY_FILE))));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve(PlayerCredentials.ACCOUNT_FILE))));
        assertEquals("sesame", new PlayerCredentials(folder).account().orElseThrow().password());
    }

    @Test
    void anAccountThatDoesNotDecryptNamesItsFile() throws IOException {
        Files.writeString(folder.resolve(PlayerCredentials.KEY_FILE),
                Base64.getEncoder().encodeToString(new byte[32]));
        IOException error = assertThrows(IOException.class, () -> new PlayerCredentials(folder));
        assertTrue(error.getMessage().contains(PlayerCredentials.ACCOUNT_FILE), error.getMessage());
    }

    private int code(Params params) {
        return assertThrows(SubsonicException.class, () -> auth.authenticate(params, ADDRESS)).code();
    }

    private static Params params(String... pairs) {
        Map<String, String[]> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], new String[] {pairs[i + 1]});
        }
        return new Params(values);
    }
}
