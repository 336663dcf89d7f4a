package org.deckhand.notifier.discord.internal.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A Discord rich embed (Discord developer documentation, "Embed Object"; schema {@code RichEmbed}). Every text is
 * {@code null} when absent; {@link DiscordLimits} gives the lengths Discord accepts.
 *
 * @param title the embed's title, or {@code null}
 * @param description the embed's text (Discord markdown), or {@code null}
 * @param url the address the title links to (the console's page of what is told), or {@code null}
 * @param color the colour of the embed's left edge, as {@code 0xRRGGBB}, or {@code null}
 * @param timestamp when it happened, ISO 8601 ({@code 2026-12-07T12:00:00Z}), or {@code null}
 * @param author the embed's author line, or {@code null}
 * @param thumbnail the small picture at the top right ({@code attachment://cover.jpg} for the cover art), or
 *        {@code null}
 * @param fields the name and value pairs, at most {@link DiscordLimits#FIELDS}; never {@code null}
 * @param footer the embed's footer, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Embed(String title, String description, String url, Integer color, String timestamp,
        EmbedAuthor author, EmbedMedia thumbnail, List<EmbedField> fields, EmbedFooter footer) {

    public Embed {
        fields = List.copyOf(fields);
    }

    /**
     * @return the characters this embed adds to a message's total that Discord caps at
     *         {@link DiscordLimits#EMBEDS_TOTAL}: its title, description, field names and values, footer text and
     *         author name
     */
    public int countedLength() {
        int length = DiscordLimits.length(title) + DiscordLimits.length(description)
                + (footer == null ? 0 : DiscordLimits.length(footer.text()))
                + (author == null ? 0 : DiscordLimits.length(author.name()));
        for (EmbedField field : fields) {
            length += DiscordLimits.length(field.name()) + DiscordLimits.length(field.value());
        }
        return length;
    }

    /**
     * @param newFields the fields of the copy
     * @return this embed with other fields
     */
    public Embed withFields(List<EmbedField> newFields) {
        return new Embed(title, description, url, color, timestamp, author, thumbnail, newFields, footer);
    }

    /**
     * An embed field.
     *
     * @param name the field's name, at most {@link DiscordLimits#FIELD_NAME} characters
     * @param value the field's value, at most {@link DiscordLimits#FIELD_VALUE} characters
     * @param inline whether Discord may lay it out beside its neighbours
     */
    public record EmbedField(String name, String value, boolean inline) {
    }

    /**
     * An embed's footer.
     *
     * @param text at most {@link DiscordLimits#FOOTER_TEXT} characters
     */
    public record EmbedFooter(String text) {
    }

    /**
     * An embed's author line.
     *
     * @param name at most {@link DiscordLimits#AUTHOR_NAME} characters
     */
    public record EmbedAuthor(String name) {
    }

    /**
     * A picture shown in an embed.
     *
     * @param url an {@code https} address or {@code attachment://filename} for a file sent with the message
     */
    public record EmbedMedia(String url) {
    }
}
