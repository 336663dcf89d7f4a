package org.deckhand.api.notify;

import java.util.Objects;

/**
 * A named value shown beside a message's text, such as {@code Formats: 1,310 FLAC, 738 MP3}; a Discord embed field,
 * a line of an e-mail, a member of the webhook document's {@code fields}.
 *
 * @param name the field's name, short, such as {@code Formats}
 * @param value its value, as text
 */
public record Field(String name, String value) {

    /**
     * @throws NullPointerException if either part is null
     */
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
