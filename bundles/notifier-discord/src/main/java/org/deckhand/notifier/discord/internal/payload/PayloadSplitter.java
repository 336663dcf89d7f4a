package org.deckhand.notifier.discord.internal.payload;

import java.util.ArrayList;
import java.util.List;
import org.deckhand.notifier.discord.internal.payload.Embed.EmbedAuthor;
import org.deckhand.notifier.discord.internal.payload.Embed.EmbedField;
import org.deckhand.notifier.discord.internal.payload.Embed.EmbedFooter;

/**
 * Makes any message fit Discord's limits ({@link DiscordLimits}) before it is sent, so that Discord never rejects
 * it: each text too long is cut (ending with "…"); an embed with more fields or characters than one embed may hold
 * goes on in continuation embeds of the same colour; embeds beyond ten, or beyond 6,000 characters in all, go on in
 * further messages; a text beyond 2,000 characters is split at line breaks into several messages. The cover art and
 * its attachment go with the first message, which holds the embed that shows it. Nothing is dropped but what the
 * cuts take off one text.
 */
public final class PayloadSplitter {

    /** What Discord shows for a field name or value that is empty (it refuses empty ones): a zero-width space. */
    static final String EMPTY_FIELD = "\u200b";

    /**
     * @param payload a message of any size
     * @return one or more messages, in the order they are to be sent, each within Discord's limits
     */
    public List<WebhookPayload> split(WebhookPayload payload) {
        List<Embed> pieces = new ArrayList<>();
        for (Embed embed : payload.embeds()) {
            pieces.addAll(pieces(cutTexts(embed)));
        }
        List<List<Embed>> groups = groups(pieces);
        List<String> texts = texts(payload.content());
        String username = DiscordLimits.cut(payload.username(), DiscordLimits.USERNAME);
        int count = Math.max(1, Math.max(groups.size(), texts.size()));
        List<WebhookPayload> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String text = i < texts.size() ? texts.get(i) : null;
            List<Embed> embeds = i < groups.size() ? groups.get(i) : List.of();
            boolean first = i == 0;
            messages.add(new WebhookPayload(text, username, embeds,
                    first ? payload.attachments() : List.of(), first ? payload.cover() : null));
        }
        return messages;
    }

    private static Embed cutTexts(Embed embed) {
        List<EmbedField> fields = new ArrayList<>(embed.fields().size());
        for (EmbedField field : embed.fields()) {
            fields.add(new EmbedField(nonEmpty(DiscordLimits.cut(field.name(), DiscordLimits.FIELD_NAME)),
                    nonEmpty(DiscordLimits.cut(field.value(), DiscordLimits.FIELD_VALUE)), field.inline()));
        }
        String title = DiscordLimits.cut(embed.title(), DiscordLimits.TITLE);
        EmbedAuthor author = embed.author() == null ? null
                : new EmbedAuthor(DiscordLimits.cut(embed.author().name(), DiscordLimits.AUTHOR_NAME));
        EmbedFooter footer = embed.footer() == null ? null
                : new EmbedFooter(DiscordLimits.cut(embed.footer().text(), DiscordLimits.FOOTER_TEXT));
        int headLength = DiscordLimits.length(title) + (author == null ? 0 : DiscordLimits.length(author.name()))
                + (footer == null ? 0 : DiscordLimits.length(footer.text()));
        int descriptionRoom = Math.min(DiscordLimits.DESCRIPTION, DiscordLimits.EMBEDS_TOTAL - headLength);
        return new Embed(title, DiscordLimits.cut(embed.description(), descriptionRoom), embed.url(), embed.color(),
                embed.timestamp(), author, embed.thumbnail(), fields, footer);
    }

    private static String nonEmpty(String text) {
        return text == null || text.isEmpty() ? EMPTY_FIELD : text;
    }

    /** An embed's fields spread over as many embeds as needed; the footer and time stay on the last one. */
    private static List<Embed> pieces(Embed embed) {
        Embed head = new Embed(embed.title(), embed.description(), embed.url(), embed.color(), null,
                embed.author(), embed.thumbnail(), List.of(), null);
        int footerLength = embed.footer() == null ? 0 : DiscordLimits.length(embed.footer().text());
        int room = DiscordLimits.EMBEDS_TOTAL - footerLength;
        List<Embed> pieces = new ArrayList<>();
        Embed current = head;
        List<EmbedField> fields = new ArrayList<>();
        int length = head.countedLength();
        for (EmbedField field : embed.fields()) {
            int fieldLength = DiscordLimits.length(field.name()) + DiscordLimits.length(field.value());
            if (fields.size() == DiscordLimits.FIELDS || length + fieldLength > room) {
                pieces.add(current.withFields(fields));
                current = new Embed(null, null, null, embed.color(), null, null, null, List.of(), null);
                fields = new ArrayList<>();
                length = 0;
            }
            fields.add(field);
            length += fieldLength;
        }
        Embed last = current.withFields(fields);
        pieces.add(new Embed(last.title(), last.description(), last.url(), last.color(), embed.timestamp(),
                last.author(), last.thumbnail(), last.fields(), embed.footer()));
        return pieces;
    }

    /** Embeds packed in order into messages of at most ten embeds and 6,000 characters. */
    private static List<List<Embed>> groups(List<Embed> pieces) {
        List<List<Embed>> groups = new ArrayList<>();
        List<Embed> group = new ArrayList<>();
        int length = 0;
        for (Embed piece : pieces) {
            int pieceLength = piece.countedLength();
            if (!group.isEmpty() && (group.size() == DiscordLimits.EMBEDS
                    || length + pieceLength > DiscordLimits.EMBEDS_TOTAL)) {
                groups.add(group);
                group = new ArrayList<>();
                length = 0;
            }
            group.add(piece);
            length += pieceLength;
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    /** A text split into pieces of at most 2,000 characters, at the last line break (or space) that allows it. */
    private static List<String> texts(String content) {
        List<String> texts = new ArrayList<>();
        if (content == null || content.isEmpty()) {
            return texts;
        }
        String rest = content;
        while (rest.length() > DiscordLimits.CONTENT) {
            int end = breakBefore(rest, DiscordLimits.CONTENT);
            texts.add(rest.substring(0, end));
            rest = rest.substring(end).stripLeading();
        }
        if (!rest.isEmpty()) {
            texts.add(rest);
        }
        return texts;
    }

    private static int breakBefore(String text, int limit) {
        int lineBreak = text.lastIndexOf('\n', limit);
        if (lineBreak > limit / 2) {
            return lineBreak;
        }
        int space = text.lastIndexOf(' ', limit);
        if (space > limit / 2) {
            return space;
        }
        return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
    }
}
