package org.deckhand.notifier.discord.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.deckhand.api.notify.Attachment;
import org.deckhand.api.notify.Field;
import org.deckhand.api.notify.Level;
import org.deckhand.api.notify.Message;
import org.deckhand.notifier.discord.internal.payload.CoverArt;
import org.deckhand.notifier.discord.internal.payload.DiscordLimits;
import org.deckhand.notifier.discord.internal.payload.Embed;
import org.deckhand.notifier.discord.internal.payload.Embed.EmbedField;
import org.deckhand.notifier.discord.internal.payload.Embed.EmbedFooter;
import org.deckhand.notifier.discord.internal.payload.Embed.EmbedMedia;
import org.deckhand.notifier.discord.internal.payload.WebhookPayload;
import org.deckhand.notifier.discord.internal.payload.WebhookPayload.AttachmentRef;

/**
 * Shows a notification as a Discord message: one embed titled with the message's title, its text as the
 * description, its fields as embed fields (short ones side by side), its console link on the title, a left edge
 * coloured by level, the time it happened, a footer with its kind and, for a digest, the number of events; the
 * message's picture (the track's cover art) attached as {@code files[0]} and shown as the embed's thumbnail. The
 * result may be longer than Discord allows: {@link org.deckhand.notifier.discord.internal.payload.PayloadSplitter}
 * makes it fit.
 */
final class MessageEmbeds {

    /** Values at most this long are laid out side by side. */
    private static final int INLINE_VALUE = 32;

    private final String username;

    /** @param username the name the messages are posted under, or {@code null} for the webhook's own */
    MessageEmbeds(String username) {
        this.username = username;
    }

    /**
     * @param level a message's level
     * @return the colour of its embed's edge, {@code 0xRRGGBB}: blue for info, amber for a warning, red for an
     *         error, dark red for critical
     */
    static int colour(Level level) {
        return switch (level) {
            case INFO -> 0x3498DB;
            case WARNING -> 0xF1C40F;
            case ERROR -> 0xE74C3C;
            case CRITICAL -> 0x992D22;
        };
    }

    /**
     * @param message a notification
     * @return the Discord message that shows it, not yet cut to Discord's limits
     */
    WebhookPayload render(Message message) {
        List<EmbedField> fields = new ArrayList<>(message.fields().size());
        for (Field field : message.fields()) {
            fields.add(new EmbedField(field.name(), field.value(), field.value().length() <= INLINE_VALUE));
        }
        Optional<CoverArt> cover = message.attachment().flatMap(MessageEmbeds::cover);
        String kind = message.kind().name().charAt(0) + message.kind().name().substring(1).toLowerCase(Locale.ROOT);
        String footer = "Deckhand · " + kind + (message.events() > 1
                ? " · " + String.format(Locale.ROOT, "%,d", message.events()) + " events" : "");
        Embed embed = new Embed(message.title(), message.text().isBlank() ? null : message.text(),
                message.link().filter(MessageEmbeds::linkable).map(URI::toString).orElse(null),
                colour(message.level()), message.created().toString(), null,
                cover.map(file -> new EmbedMedia(file.attachmentUrl())).orElse(null), fields,
                new EmbedFooter(footer));
        return new WebhookPayload(null, username, List.of(embed),
                cover.map(file -> List.of(new AttachmentRef("0", file.filename()))).orElse(List.of()),
                cover.orElse(null));
    }

    private static boolean linkable(URI link) {
        String scheme = link.getScheme();
        return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                && link.toString().length() <= 2048;
    }

    /** A picture Discord can take: an image of at most 10 MiB, under a name of safe characters. */
    private static Optional<CoverArt> cover(Attachment attachment) {
        String mediaType = attachment.mediaType().toLowerCase(Locale.ROOT);
        if (!mediaType.startsWith("image/") || attachment.content().length == 0
                || attachment.content().length > DiscordLimits.FILE_BYTES) {
            return Optional.empty();
        }
        String name = attachment.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.isEmpty() || name.startsWith(".")) {
            name = "cover" + name;
        }
        return Optional.of(new CoverArt(name.substring(0, Math.min(name.length(), 100)), mediaType,
                attachment.content()));
    }
}
