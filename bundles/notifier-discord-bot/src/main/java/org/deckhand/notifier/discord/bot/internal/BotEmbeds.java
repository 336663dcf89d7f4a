package org.deckhand.notifier.discord.bot.internal;

import java.util.Locale;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.deckhand.api.notify.Field;
import org.deckhand.api.notify.Level;
import org.deckhand.api.notify.Message;

/**
 * Renders a notification as one Discord embed, cut to Discord's limits (Discord API, Channel resource, Embed
 * Limits: title 256, description 4,096, 25 fields, field name 256 and value 1,024, footer 2,048, 6,000 characters
 * in all): the title linked to the console, the text, the fields, the edge coloured by level as the webhook
 * channel colours it, and a footer with the kind and, for a digest, the number of events. Stateless.
 */
final class BotEmbeds {

    private BotEmbeds() {
    }

    /**
     * @param level a message's level
     * @return the colour of its embed's edge, {@code 0xRRGGBB}: blue for info, amber for a warning, red for an
     *         error, dark red for critical (the Discord webhook channel's colours)
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
     * @return its embed, within Discord's limits: what does not fit is cut, ending in an ellipsis
     */
    static MessageEmbed render(Message message) {
        EmbedBuilder embed = new EmbedBuilder().setColor(colour(message.level()))
                .setTimestamp(message.created());
        String title = cut(message.title(), MessageEmbed.TITLE_MAX_LENGTH);
        String link = message.link().map(Object::toString).filter(BotEmbeds::linkable).orElse(null);
        embed.setTitle(title, link);
        String footer = message.kind().name().toLowerCase(Locale.ROOT)
                + (message.events() > 1 ? " · " + message.events() + " events" : "");
        embed.setFooter(footer);
        if (!message.text().isEmpty()) {
            embed.setDescription(cut(message.text(), MessageEmbed.DESCRIPTION_MAX_LENGTH));
        }
        for (Field field : message.fields()) {
            if (embed.getFields().size() == MessageEmbed.MAX_FIELD_AMOUNT) {
                break;
            }
            String name = cut(field.name().isBlank() ? "-" : field.name(), MessageEmbed.TITLE_MAX_LENGTH);
            String value = cut(field.value().isBlank() ? "-" : field.value(), MessageEmbed.VALUE_MAX_LENGTH);
            if (embed.length() + name.length() + value.length() > MessageEmbed.EMBED_MAX_LENGTH_BOT) {
                break;
            }
            embed.addField(name, value, true);
        }
        return embed.build();
    }

    private static boolean linkable(String url) {
        return url.length() <= MessageEmbed.URL_MAX_LENGTH && (url.startsWith("http://")
                || url.startsWith("https://"));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
