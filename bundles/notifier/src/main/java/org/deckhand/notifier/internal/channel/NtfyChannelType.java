package org.deckhand.notifier.internal.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.deckhand.api.notify.ChannelSetting;
import org.deckhand.api.notify.ChannelSettings;
import org.deckhand.api.notify.ChannelType;
import org.deckhand.api.notify.InvalidChannelSettingsException;
import org.deckhand.api.notify.Level;
import org.deckhand.api.notify.Message;
import org.deckhand.api.notify.NotificationChannel;
import org.deckhand.notifier.internal.NotifierConfiguration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * ntfy (ntfy.sh or a self-hosted server): a {@code POST} of the message's text to the topic's URL with the
 * documented headers {@code Title}, {@code Priority} (1 to 5), {@code Tags} and {@code Click}, and
 * {@code Authorization: Bearer} with an access token when the topic is protected. Header values that are not
 * ASCII are sent as RFC 2047 encoded words, which ntfy decodes. Source: ntfy's documentation, "Publishing"
 * (docs.ntfy.sh/publish), sections "Message title", "Message priority", "Tags &amp; emojis", "Click action",
 * "Access tokens"; its answer is the message as JSON, with its {@code id}.
 */
@Component(service = ChannelType.class, configurationPid = NotifierConfiguration.PID)
public final class NtfyChannelType implements ChannelType {

    /** The type's id. */
    public static final String ID = "ntfy";

    private final HttpSender http;

    /** @param http sends the requests */
    public NtfyChannelType(HttpSender http) {
        this.http = http;
    }

    /** @param configuration the notifier's settings, for the request timeout */
    @Activate
    public NtfyChannelType(NotifierConfiguration configuration) {
        this(new HttpSender(HttpSender.timeout(configuration)));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "ntfy";
    }

    @Override
    public List<ChannelSetting> settings() {
        return List.of(
                new ChannelSetting("url", "Topic URL", "The topic's address, such as https://ntfy.sh/my-deckhand; "
                        + "anyone who knows it can read the topic, so it is kept secret", true, true),
                new ChannelSetting("token", "Access token", "An access token (tk_...) for a protected topic; empty "
                        + "for an open one", false, true));
    }

    @Override
    public NotificationChannel open(ChannelSettings settings) throws InvalidChannelSettingsException {
        URI topic = Addresses.http("url", settings.require("url"));
        if (topic.getPath() == null || topic.getPath().replace("/", "").isEmpty()) {
            throw new InvalidChannelSettingsException("url", "names no topic: it must end with /TOPIC");
        }
        Optional<String> token = settings.get("token");
        ObjectMapper json = new ObjectMapper();
        return message -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(topic)
                    .header("Title", headerValue(message.title()))
                    .header("Priority", Integer.toString(priority(message.level())))
                    .header("Tags", tags(message))
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body(message), StandardCharsets.UTF_8));
            message.link().ifPresent(link -> request.header("Click", link.toString()));
            token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
            return http.send(request, answer -> idOf(json, answer));
        };
    }

    /**
     * @param level a message's level
     * @return ntfy's priority: 3 (default) for info, 4 (high) for warnings and errors, 5 (max) for critical
     */
    static int priority(Level level) {
        return switch (level) {
            case INFO -> 3;
            case WARNING, ERROR -> 4;
            case CRITICAL -> 5;
        };
    }

    private static String tags(Message message) {
        String emoji = switch (message.level()) {
            case INFO -> "information_source";
            case WARNING -> "warning";
            case ERROR -> "x";
            case CRITICAL -> "rotating_light";
        };
        return emoji + ",deckhand," + message.kind().name().toLowerCase(Locale.ROOT);
    }

    private static String body(Message message) {
        StringBuilder body = new StringBuilder(message.text().isEmpty() ? message.title() : message.text());
        message.fields().forEach(field -> body.append('\n').append(field.name()).append(": ").append(field.value()));
        return body.toString();
    }

    /**
     * @param value a header's value
     * @return it as it is when it is printable ASCII, else as one RFC 2047 encoded word in UTF-8 and Base64
     */
    static String headerValue(String value) {
        String line = value.replaceAll("[\\r\\n]+", " ");
        if (line.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return line;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(line.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private static String idOf(ObjectMapper json, byte[] answer) {
        try {
            JsonNode id = json.readTree(answer).path("id");
            return id.isMissingNode() || id.isNull() ? "" : id.asText();
        } catch (IOException notJson) {
            return "";
        }
    }
}
