package org.deckhand.notifier.discord.internal.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Discord webhook URL, checked and kept secret: whoever has it can post to the channel, so {@link #toString()}
 * and every message about it show only the webhook's id, never its token.
 *
 * <p>A webhook URL is {@code https://discord.com/api/webhooks/{id}/{token}} (also on {@code discordapp.com}, the
 * {@code ptb.} and {@code canary.} hosts, and with an API version, {@code /api/v10/webhooks/...}), as Discord's
 * "Webhook Object" documentation gives it. Another API base, such as a loopback stand-in of Discord's API in a test,
 * is accepted only where the configuration names it.
 */
public final class WebhookAddress {

    /** Discord's own API base. */
    public static final String DISCORD_API = "https://discord.com/api";

    private static final Pattern DISCORD = Pattern.compile(
            "https://(?:(?:ptb|canary)\\.)?discord(?:app)?\\.com/api(?:/v\\d{1,2})?/webhooks/(\\d{17,20})/([A-Za-z0-9_-]{20,100})/?");
    private static final Pattern PATH = Pattern.compile("/webhooks/(\\d{17,20})/([A-Za-z0-9_-]{20,100})/?");

    private final URI execute;
    private final String id;
    private final String token;

    private WebhookAddress(URI execute, String id, String token) {
        this.execute = execute;
        this.id = id;
        this.token = token;
    }

    /**
     * @param url the webhook URL as the user pasted it (surrounding spaces are ignored)
     * @param apiBase the API base accepted besides Discord's, such as {@code http://127.0.0.1:4711/api}, or
     *        {@code null} or blank for Discord's only
     * @return the webhook
     * @throws IllegalArgumentException when the URL is not a Discord webhook URL (nor one under {@code apiBase}); the
     *         message, a predicate such as "is not a Discord webhook URL: ...", never repeats the URL, which may
     *         hold a token
     */
    public static WebhookAddress parse(String url, String apiBase) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("is not set");
        }
        String trimmed = url.strip();
        Matcher discord = DISCORD.matcher(trimmed);
        if (discord.matches()) {
            return new WebhookAddress(URI.create(DISCORD_API + "/webhooks/" + discord.group(1) + "/"
                    + discord.group(2)), discord.group(1), discord.group(2));
        }
        if (apiBase != null && !apiBase.isBlank()) {
            String base = apiBase.strip().replaceAll("/+$", "");
            if (trimmed.toLowerCase(Locale.ROOT).startsWith(base.toLowerCase(Locale.ROOT) + "/")) {
                Matcher path = PATH.matcher(trimmed.substring(base.length()));
                if (path.matches()) {
                    return new WebhookAddress(checked(base + "/webhooks/" + path.group(1) + "/" + path.group(2)),
                            path.group(1), path.group(2));
                }
            }
        }
        throw new IllegalArgumentException("is not a Discord webhook URL: it must read "
                + "https://discord.com/api/webhooks/<id>/<token>, as Discord's channel settings (Integrations, "
                + "Webhooks, Copy Webhook URL) give it");
    }

    private static URI checked(String address) {
        try {
            URI uri = new URI(address);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                throw new IllegalArgumentException("is under a Discord API base that is not an http(s) address");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is under a Discord API base that is not a valid address", e);
        }
    }

    /** @return the address a message is posted to, with {@code ?wait=true} so that Discord confirms it */
    URI executeUri() {
        return URI.create(execute + "?wait=true");
    }

    /** @return the webhook's id (a snowflake), which is not secret */
    public String id() {
        return id;
    }

    /**
     * @param text a text that may hold the token (an exception's message)
     * @return the text with the token replaced by {@code ***}
     */
    String redact(String text) {
        return text == null ? null : text.replace(token, "***");
    }

    /** @return the webhook as it may be shown: {@code Discord webhook 1234567890123456789}, without the token */
    @Override
    public String toString() {
        return "Discord webhook " + id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookAddress that && execute.equals(that.execute);
    }

    @Override
    public int hashCode() {
        return execute.hashCode();
    }
}
