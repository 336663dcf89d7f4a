package org.deckhand.api.notify;

import java.util.Objects;

/**
 * A file sent with a message, such as a track's cover art. Channels that cannot carry files ignore it.
 *
 * @param fileName the file's name as the receiver shows it, such as {@code cover.jpg}
 * @param mediaType its media type, such as {@code image/jpeg}
 * @param content its bytes; the array is not copied and must not be changed
 */
public record Attachment(String fileName, String mediaType, byte[] content) {

    /**
     * @throws NullPointerException if any part is null
     */
    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + mediaType + ", " + content.length + " bytes]";
    }
}
