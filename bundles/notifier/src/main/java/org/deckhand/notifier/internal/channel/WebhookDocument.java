package org.deckhand.notifier.internal.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.deckhand.api.notify.Attachment;
import org.deckhand.api.notify.Message;

/**
 * The generic webhook's JSON document, version {@value #VERSION}, as {@code docs/notifications.md} and its JSON
 * Schema {@code docs/notification-webhook.schema.json} describe it: {@code version}, {@code id} (the idempotency id),
 * {@code kind}, {@code level} (lower case), {@code title}, {@code text}, {@code fields} ({@code name}, {@code value}),
 * {@code link} (or null), {@code created} (ISO 8601, UTC), {@code events}, and {@code attachment} (or null:
 * {@code fileName}, {@code mediaType}, {@code size} in bytes, {@code sha256} in hex, {@code contentBase64}).
 */
final class WebhookDocument {

    /** The document's version; a change that breaks a receiver raises it. */
    static final int VERSION = 1;

    private WebhookDocument() {
    }

    /**
     * @param json writes the document
     * @param message the message
     * @return the document, UTF-8 JSON
     */
    static byte[] of(ObjectMapper json, Message message) {
        ObjectNode root = json.createObjectNode();
        root.put("version", VERSION);
        root.put("id", message.id());
        root.put("kind", message.kind().name().toLowerCase(Locale.ROOT));
        root.put("level", message.level().name().toLowerCase(Locale.ROOT));
        root.put("title", message.title());
        root.put("text", message.text());
        ArrayNode fields = root.putArray("fields");
        message.fields().forEach(field -> fields.addObject().put("name", field.name()).put("value", field.value()));
        root.put("link", message.link().map(URI::toString).orElse(null));
        root.put("created", message.created().toString());
        root.put("events", message.events());
        if (message.attachment().isPresent()) {
            Attachment file = message.attachment().get();
            root.putObject("attachment").put("fileName", file.fileName()).put("mediaType", file.mediaType())
                    .put("size", file.content().length).put("sha256", sha256(file.content()))
                    .put("contentBase64", Base64.getEncoder().encodeToString(file.content()));
        } else {
            root.putNull("attachment");
        }
        try {
            return json.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
