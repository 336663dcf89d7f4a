package org.deckhand.notifier.discord.internal.payload;

/**
 * The sizes Discord accepts in a message, from its developer documentation ("Embed Limits", "Execute Webhook") and
 * the {@code maxLength} and {@code maxItems} of the schemas {@code IncomingWebhookRequestPartial}, {@code RichEmbed},
 * {@code RichEmbedField}, {@code RichEmbedFooter} and {@code RichEmbedAuthor} of its OpenAPI document (a test checks
 * each against the document). Lengths are counted here in UTF-16 code units, {@link String#length()}, never fewer
 * than the Unicode code points Discord and JSON Schema count, so that a text within these limits is within Discord's.
 */
public final class DiscordLimits {

    /** The longest message text, {@code content}. */
    public static final int CONTENT = 2000;
    /** The most embeds in one message. */
    public static final int EMBEDS = 10;
    /**
     * The most characters of all the embeds of one message together, counting titles, descriptions, field names and
     * values, footer texts and author names (not expressible in JSON Schema: Discord's documentation only).
     */
    public static final int EMBEDS_TOTAL = 6000;
    /** The longest embed title. */
    public static final int TITLE = 256;
    /** The longest embed description. */
    public static final int DESCRIPTION = 4096;
    /** The most fields in one embed. */
    public static final int FIELDS = 25;
    /** The longest field name. */
    public static final int FIELD_NAME = 256;
    /** The longest field value. */
    public static final int FIELD_VALUE = 1024;
    /** The longest footer text. */
    public static final int FOOTER_TEXT = 2048;
    /** The longest author name. */
    public static final int AUTHOR_NAME = 256;
    /** The longest {@code username} a webhook message may be posted under. */
    public static final int USERNAME = 80;
    /**
     * The largest file a webhook may attach for a server without boosts: 10 MiB, in bytes (Discord's "Uploading
     * Files" documentation; larger files are answered with 413 and error code 40005).
     */
    public static final long FILE_BYTES = 10L * 1024 * 1024;

    private DiscordLimits() {
    }

    /**
     * @param text a text, or {@code null}
     * @return its length as these limits count it: UTF-16 code units, 0 for {@code null}
     */
    public static int length(String text) {
        return text == null ? 0 : text.length();
    }

    /**
     * Cuts a text to a length, ending it with an ellipsis when it was longer, and never splitting a surrogate pair.
     *
     * @param text a text, or {@code null}
     * @param limit the longest result, in UTF-16 code units, at least 1
     * @return the text, or its first {@code limit - 1} units and "…"; {@code null} for {@code null}
     */
    public static String cut(String text, int limit) {
        if (text == null || text.length() <= limit) {
            return text;
        }
        int end = limit - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
