package org.deckhand.notifier.discord.bot.internal;

import java.time.Duration;
import java.util.List;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.mixer.LiveMixes;
import org.deckhand.api.notify.ChannelSetting;
import org.deckhand.api.notify.ChannelSettings;
import org.deckhand.api.notify.ChannelType;
import org.deckhand.api.notify.InvalidChannelSettingsException;
import org.deckhand.api.notify.NotificationChannel;
import org.deckhand.api.runtime.RuntimeProperties;
import org.deckhand.api.search.TrackIndex;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The Discord bot channel type ({@code discord-bot}): a channel logs in as the bot whose token the user copied from
 * Discord's Developer Portal, posts to one channel of a server the bot was invited to, and answers the slash
 * commands {@code /deckhand search <query>}, {@code /deckhand status} and {@code /deckhand mix <query>} there. Each channel has a bot session of
 * its own; opening a channel reaches no network, {@link NotificationChannel#start()} logs the bot in.
 */
@Component(service = ChannelType.class, configurationPid = BotConfiguration.PID)
@Designate(ocd = BotConfiguration.class)
public final class DiscordBotChannelType implements ChannelType {

    /** The setting holding the bot token. */
    static final String TOKEN = "token";
    /** The setting holding the id of the channel the bot posts and answers in. */
    static final String CHANNEL = "channel";

    private final String apiBase;
    private final Duration timeout;
    private final LibraryAnswers answers;
    private final MixAnswers mixes;

    /**
     * @param context gives the host and port the server listens on, for the links to a mix
     * @param configuration the server-wide settings of Discord bots
     * @param index the library's search index, for {@code /deckhand search}
     * @param catalog the catalog, for the tracks found and {@code /deckhand status}
     * @param mixes the mixer's live mixes, for {@code /deckhand mix}; null when the mixer does not run
     */
    @Activate
    public DiscordBotChannelType(BundleContext context, BotConfiguration configuration, @Reference TrackIndex index,
            @Reference Catalog catalog,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            LiveMixes mixes) {
        this(configuration.api_base().strip(), Duration.ofSeconds(configuration.request_timeout_seconds()), index,
                catalog, mixes, ServerAddress.of(context.getProperty(RuntimeProperties.HOST),
                        context.getProperty(RuntimeProperties.PORT)));
    }

    /**
     * @param apiBase the REST API base ending in a slash, empty for Discord's own
     * @param timeout the longest the bot's connection, and then one message, may take
     * @param index the library's search index
     * @param catalog the catalog
     * @param mixes the mixer's live mixes; null when the mixer does not run
     * @param server the address players on the network reach the server at, such as
     *     {@code http://192.168.1.20:8750}, when the mixer's {@code publicUrl} is unset
     */
    DiscordBotChannelType(String apiBase, Duration timeout, TrackIndex index, Catalog catalog, LiveMixes mixes,
            String server) {
        this.apiBase = apiBase;
        this.timeout = timeout;
        this.answers = new LibraryAnswers(index, catalog);
        this.mixes = new MixAnswers(mixes, () -> mixes == null ? server : mixes.publicUrl().orElse(server));
    }

    @Override
    public String id() {
        return "discord-bot";
    }

    @Override
    public String name() {
        return "Discord bot";
    }

    @Override
    public List<ChannelSetting> settings() {
        return List.of(
                new ChannelSetting(TOKEN, "Bot token", "The token from Discord's Developer Portal: your application, "
                        + "Bot, Reset Token. Invite the bot to your server with the bot and applications.commands "
                        + "scopes", true, true),
                new ChannelSetting(CHANNEL, "Channel id", "The id of the text channel to post and answer in (with "
                        + "Developer Mode on in Discord's settings, right-click the channel, Copy Channel ID), "
                        + "such as 1180000000000000000", true, false));
    }

    @Override
    public NotificationChannel open(ChannelSettings settings) throws InvalidChannelSettingsException {
        String token = settings.require(TOKEN).strip();
        if (token.isEmpty() || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new InvalidChannelSettingsException(TOKEN, "must be the bot token as Discord shows it, without "
                    + "spaces");
        }
        String channel = settings.require(CHANNEL).strip();
        long channelId;
        try {
            channelId = Long.parseUnsignedLong(channel);
        } catch (NumberFormatException e) {
            throw new InvalidChannelSettingsException(CHANNEL, "must be a Discord channel id, a number such as "
                    + "1180000000000000000, not '" + channel + "'");
        }
        BotSession session = new BotSession(token, apiBase, new SlashCommands(answers, mixes, channelId));
        return new DiscordBotChannel(session, channelId, timeout);
    }
}
