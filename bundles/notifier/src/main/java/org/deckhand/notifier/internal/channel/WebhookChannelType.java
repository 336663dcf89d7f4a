package org.deckhand.notifier.internal.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.deckhand.api.notify.ChannelSetting;
import org.deckhand.api.notify.ChannelSettings;
import org.deckhand.api.notify.ChannelType;
import org.deckhand.api.notify.InvalidChannelSettingsException;
import org.deckhand.api.notify.NotificationChannel;
import org.deckhand.notifier.internal.NotifierConfiguration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * A generic webhook: a {@code POST} of the {@link WebhookDocument} to the user's address, signed as GitHub signs
 * its webhooks: {@value #SIGNATURE_HEADER}{@code : sha256=} and the lower-case hex HMAC-SHA256 (RFC 2104) of the
 * body's bytes under the shared secret. Also {@value #DELIVERY_HEADER} with the message's idempotency id, and the
 * user's own headers (such as an {@code Authorization}).
 */
@Component(service = ChannelType.class, configurationPid = NotifierConfiguration.PID)
public final class WebhookChannelType implements ChannelType {

    /** The type's id. */
    public static final String ID = "webhook";

    /** The header carrying the body's signature, as GitHub's webhooks name it. */
    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    /** The header carrying the message's idempotency id. */
    public static final String DELIVERY_HEADER = "X-Deckhand-Delivery";

    /** Headers a user may not set: HttpClient sets them, or they would mislead the receiver. */
    private static final Set<String> RESERVED = Set.of("content-length", "host", "connection", "content-type",
            "expect", "upgrade", SIGNATURE_HEADER.toLowerCase(Locale.ROOT), DELIVERY_HEADER.toLowerCase(Locale.ROOT));

    private final HttpSender http;

    /** @param http sends the requests */
    public WebhookChannelType(HttpSender http) {
        this.http = http;
    }

    /** @param configuration the notifier's settings, for the request timeout */
    @Activate
    public WebhookChannelType(NotifierConfiguration configuration) {
        this(new HttpSender(HttpSender.timeout(configuration)));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Webhook (signed JSON)";
    }

    @Override
    public List<ChannelSetting> settings() {
        return List.of(
                new ChannelSetting("url", "URL", "The address that receives a POST of each message as JSON",
                        true, true),
                new ChannelSetting("secret", "Signing secret", "A shared secret: each body is signed with "
                        + "HMAC-SHA256 under it, in " + SIGNATURE_HEADER + "; empty: not signed", false, true),
                new ChannelSetting("headers", "Headers", "Headers to send, one a line, 'Name: value', such as "
                        + "'Authorization: Bearer ...'", false, true));
    }

    @Override
    public NotificationChannel open(ChannelSettings settings) throws InvalidChannelSettingsException {
        URI address = Addresses.http("url", settings.require("url"));
        Optional<String> secret = settings.get("secret");
        List<String[]> headers = headers(settings.get("headers").orElse(""));
        ObjectMapper json = new ObjectMapper();
        return message -> {
            byte[] body = WebhookDocument.of(json, message);
            HttpRequest.Builder request = HttpRequest.newBuilder(address)
                    .header("Content-Type", "application/json")
                    .header(DELIVERY_HEADER, message.id())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(header -> request.header(header[0], header[1]));
            secret.ifPresent(key -> request.header(SIGNATURE_HEADER, "sha256=" + sign(key, body)));
            return http.send(request, answer -> "");
        };
    }

    /**
     * @param key the shared secret
     * @param body a body's bytes
     * @return the lower-case hex HMAC-SHA256 of the body under the key
     */
    static String sign(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every JVM has HmacSHA256", e);
        }
    }

    private static List<String[]> headers(String lines) throws InvalidChannelSettingsException {
        List<String[]> headers = new ArrayList<>();
        int number = 0;
        for (String line : lines.split("\\R")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).strip();
            if (colon < 0 || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new InvalidChannelSettingsException("headers", "line " + number + " is not 'Name: value' "
                        + "with a valid header name (RFC 9110, section 5.1)");
            }
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidChannelSettingsException("headers", "line " + number + " sets " + name
                        + ", which the notifier sets itself");
            }
            headers.add(new String[] {name, line.substring(colon + 1).strip()});
        }
        return headers;
    }
}
