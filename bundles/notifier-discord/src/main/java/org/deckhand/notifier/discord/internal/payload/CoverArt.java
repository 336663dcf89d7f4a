package org.deckhand.notifier.discord.internal.payload;

/**
 * A picture sent with a message as its {@code files[0]} part.
 *
 * @param filename the file's name as Discord shows it ({@code cover.jpg}), ASCII letters, digits, dot, dash
 * @param mediaType the part's {@code Content-Type}, such as {@code image/jpeg}
 * @param bytes the file; not copied, never changed
 */
public record CoverArt(String filename, String mediaType, byte[] bytes) {

    /** @return the embed address that shows this file: {@code attachment://filename} */
    public String attachmentUrl() {
        return "attachment://" + filename;
    }
}
