package org.deckhand.notifier.discord.internal.webhook;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578) as Discord takes a message with files: a {@code payload_json} part
 * and one {@code files[n]} part per file.
 */
final class MultipartBody {

    private final String boundary = "deckhand-" + UUID.randomUUID();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /**
     * @param name the part's name
     * @param filename the file's name, or {@code null} for a form field; ASCII without quotes
     * @param contentType the part's media type
     * @param content the part's bytes
     */
    void part(String name, String filename, String contentType, byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\nContent-Type: " + contentType
                + "\r\n\r\n";
        bytes.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(content);
        bytes.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** @return the {@code Content-Type} header of the body, with its boundary */
    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** @return the body, closed by its final boundary */
    byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream(bytes.size() + boundary.length() + 8);
        all.writeBytes(bytes.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return all.toByteArray();
    }
}
