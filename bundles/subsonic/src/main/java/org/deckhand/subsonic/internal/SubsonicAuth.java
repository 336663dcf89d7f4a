package org.deckhand.subsonic.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.deckhand.api.security.Authentication;
import org.deckhand.api.security.Authenticator;

/**
 * Decides who a Subsonic request comes from, by the forms the API defines: an API key in {@code apiKey} (the
 * OpenSubsonic {@code apiKeyAuthentication} extension), checked by Deckhand's {@link Authenticator} with its
 * throttle; or the player account's user name in {@code u} with its password in {@code p} (plain or {@code enc:}
 * and hex) or a token {@code t} = md5(password + {@code s}) in lower-case hex (Subsonic API 1.13.0). Failed
 * attempts at the player password go through the throttle of every sign-in, per client address
 * ({@link Authenticator#authenticateOther}), so that guesses here and at the REST API count together.
 */
final class SubsonicAuth {

    private final Authenticator authenticator;
    private final PlayerCredentials player;

    SubsonicAuth(Authenticator authenticator, PlayerCredentials player) {
        this.authenticator = authenticator;
        this.player = player;
    }

    /**
     * @param params the request's parameters
     * @param clientAddress the address it came from
     * @return who the caller is: {@code apikey:NAME} or {@code player:USER}
     * @throws SubsonicException code 10 without credentials, 43 for conflicting ones, 44 for a wrong API key, 40
     *     for a wrong user or password (also while the address is throttled), 42 for a partial token
     */
    String authenticate(Params params, String clientAddress) throws SubsonicException {
        String apiKey = params.get("apiKey");
        String user = params.get("u");
        String password = params.get("p");
        String token = params.get("t");
        String salt = params.get("s");
        if (apiKey != null) {
            if (user != null || password != null || token != null) {
                throw new SubsonicException(SubsonicException.MULTIPLE_MECHANISMS,
                        "Give either apiKey or u with p or t and s, not both");
            }
            return byApiKey(apiKey, clientAddress);
        }
        if (user == null) {
            throw new SubsonicException(SubsonicException.MISSING_PARAMETER,
                    "Required parameter is missing: apiKey, or u with p or t and s");
        }
        if (password != null && token != null) {
            throw new SubsonicException(SubsonicException.MULTIPLE_MECHANISMS, "Give either p or t and s, not both");
        }
        if (password == null && token == null) {
            throw new SubsonicException(SubsonicException.MISSING_PARAMETER, "Required parameter is missing: p, or t and s");
        }
        if (token != null && salt == null) {
            throw new SubsonicException(SubsonicException.MISSING_PARAMETER, "Required parameter is missing: s");
        }
        Optional<PlayerCredentials.Account> account = player.account();
        Authentication outcome = authenticator.authenticateOther("player:" + user, clientAddress,
                () -> account.isPresent() && account.get().username().equals(user)
                        && (password != null ? matchesPassword(account.get().password(), password)
                                : matchesToken(account.get().password(), token, salt)));
        switch (outcome.outcome()) {
            case GRANTED:
                return outcome.principal();
            case THROTTLED:
                throw new SubsonicException(SubsonicException.WRONG_CREDENTIALS, "Too many failed attempts from this "
                        + "address: wait " + outcome.retryAfterSeconds() + " s");
            default:
                throw new SubsonicException(SubsonicException.WRONG_CREDENTIALS, account.isPresent()
                        ? "Wrong username or password"
                        : "Wrong username or password: no player password is set yet (PUT /api/v1/subsonic/player), "
                                + "or sign in with an API key (apiKey)");
        }
    }

    private String byApiKey(String apiKey, String clientAddress) throws SubsonicException {
        Authentication outcome = authenticator.authenticate("Bearer " + apiKey, clientAddress);
        switch (outcome.outcome()) {
            case GRANTED:
                return outcome.principal();
            case THROTTLED:
                throw new SubsonicException(SubsonicException.INVALID_API_KEY, "Too many failed attempts from this "
                        + "address: wait " + outcome.retryAfterSeconds() + " s");
            default:
                throw new SubsonicException(SubsonicException.INVALID_API_KEY, "Invalid API key");
        }
    }

    private static boolean matchesPassword(String expected, String given) {
        String plain = given;
        if (given.startsWith("enc:")) {
            try {
                plain = new String(HexFormat.of().parseHex(given.substring(4)), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notHex) {
                return false;
            }
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), plain.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean matchesToken(String password, String token, String salt) {
        return MessageDigest.isEqual(md5Hex(password + salt).getBytes(StandardCharsets.US_ASCII),
                token.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * @param text a password followed by its salt
     * @return its MD5 digest (RFC 1321) in lower-case hex, as Subsonic tokens are
     */
    static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has MD5", e);
        }
    }
}
