package org.deckhand.api.notify;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One notification, as every channel receives it. A message is stored in the outbox before any channel is asked to
 * send it, and may be sent more than once after a crash mid-send (at-least-once delivery): a channel passes its
 * {@link #id()} to the receiver where the receiver's protocol has a place for it (an idempotency key, a
 * {@code Message-ID}, the webhook document's {@code id}) so that the receiver can drop the duplicate.
 *
 * @param id the message's idempotency id, unique and stable across retries and restarts (a UUID as text)
 * @param kind the group it belongs to
 * @param level how much it matters
 * @param title a one-line summary, such as {@code 2,048 tracks added}
 * @param text the body, plain text, lines separated by {@code \n}; may be empty
 * @param fields named values shown beside the text, in order; may be empty
 * @param link where the console shows what the message tells of, if anywhere
 * @param attachment a file to send with it, such as cover art, if any
 * @param created when the message was made (for a digest, when its window closed)
 * @param events how many events the message tells of: 1 for a single event, more for a digest
 */
public record Message(String id, Kind kind, Level level, String title, String text, List<Field> fields,
        Optional<URI> link, Optional<Attachment> attachment, Instant created, int events) {

    /**
     * @throws NullPointerException if any part is null
     * @throws IllegalArgumentException if {@code id} or {@code title} is blank, or {@code events} is below 1
     */
    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        fields = List.copyOf(fields);
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(attachment, "attachment");
        Objects.requireNonNull(created, "created");
        if (id.isBlank() || title.isBlank()) {
            throw new IllegalArgumentException("A message needs an id and a title");
        }
        if (events < 1) {
            throw new IllegalArgumentException("A message tells of at least 1 event, not " + events);
        }
    }

    /**
     * A message about one event, with a fresh random id, made now, without fields, link or attachment.
     *
     * @param kind the group it belongs to
     * @param level how much it matters
     * @param title a one-line summary
     * @param text the body, plain text; may be empty
     * @return the message
     */
    public static Message of(Kind kind, Level level, String title, String text) {
        return new Message(UUID.randomUUID().toString(), kind, level, title, text, List.of(), Optional.empty(),
                Optional.empty(), Instant.now(), 1);
    }

    /**
     * @param newFields the fields to show, in order
     * @return this message with those fields instead of its own
     */
    public Message withFields(List<Field> newFields) {
        return new Message(id, kind, level, title, text, newFields, link, attachment, created, events);
    }

    /**
     * @param consoleLink where the console shows what the message tells of
     * @return this message with that link
     */
    public Message withLink(URI consoleLink) {
        return new Message(id, kind, level, title, text, fields, Optional.of(consoleLink), attachment, created,
                events);
    }

    /**
     * @param file a file to send with the message
     * @return this message with that attachment
     */
    public Message withAttachment(Attachment file) {
        return new Message(id, kind, level, title, text, fields, link, Optional.of(file), created, events);
    }

    /**
     * @return whether the message skips the digest window: it is {@link Level#CRITICAL} or of {@link Kind#SECURITY}
     */
    public boolean urgent() {
        return level == Level.CRITICAL || kind == Kind.SECURITY;
    }
}
