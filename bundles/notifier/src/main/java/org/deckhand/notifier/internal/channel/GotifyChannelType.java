package org.deckhand.notifier.internal.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
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
 * Gotify: a {@code POST /message} with the JSON {@code {"title", "message", "priority", "extras"}} and the
 * application's token in {@code X-Gotify-Key}; the console link goes in the {@code client::notification} extra's
 * {@code click.url}. Source: Gotify's REST API (gotify.net/api-docs, {@code createMessage}) and "Message Extras"
 * (gotify.net/docs/msgextras); its answer is the stored message as JSON, with its numeric {@code id}.
 */
@Component(service = ChannelType.class, configurationPid = NotifierConfiguration.PID)
public final class GotifyChannelType implements ChannelType {

    /** The type's id. */
    public static final String ID = "gotify";

    private final HttpSender http;

    /** @param http sends the requests */
    public GotifyChannelType(HttpSender http) {
        this.http = http;
    }

    /** @param configuration the notifier's settings, for the request timeout */
    @Activate
    public GotifyChannelType(NotifierConfiguration configuration) {
        this(new HttpSender(HttpSender.timeout(configuration)));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Gotify";
    }

    @Override
    public List<ChannelSetting> settings() {
        return List.of(
                new ChannelSetting("url", "Server URL", "The Gotify server's address, such as "
                        + "https://gotify.example.org", true, false),
                new ChannelSetting("token", "Application token", "The token of the application created for "
                        + "Deckhand in Gotify (Apps, Create application)", true, true));
    }

    @Override
    public NotificationChannel open(ChannelSettings settings) throws InvalidChannelSettingsException {
        URI server = Addresses.http("url", settings.require("url"));
        String token = settings.require("token");
        URI endpoint = URI.create(server.toString().replaceAll("/+$", "") + "/message");
        ObjectMapper json = new ObjectMapper();
        return message -> http.send(HttpRequest.newBuilder(endpoint)
                .header("X-Gotify-Key", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(document(json, message))), answer -> idOf(json, answer));
    }

    /**
     * @param level a message's level
     * @return Gotify's priority, 0 to 10: 2 for info (no sound), 5 for warnings, 8 for errors (a pop-up on
     *     Android), 10 for critical
     */
    static int priority(Level level) {
        return switch (level) {
            case INFO -> 2;
            case WARNING -> 5;
            case ERROR -> 8;
            case CRITICAL -> 10;
        };
    }

    private static byte[] document(ObjectMapper json, Message message) {
        ObjectNode root = json.createObjectNode();
        root.put("title", message.title());
        StringBuilder text = new StringBuilder(message.text().isEmpty() ? message.title() : message.text());
        message.fields().forEach(field -> text.append('\n').append(field.name()).append(": ").append(field.value()));
        root.put("message", text.toString());
        root.put("priority", priority(message.level()));
        ObjectNode extras = root.putObject("extras");
        extras.putObject("client::display").put("contentType", "text/plain");
        message.link().ifPresent(link -> extras.putObject("client::notification").putObject("click")
                .put("url", link.toString()));
        try {
            return json.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
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
