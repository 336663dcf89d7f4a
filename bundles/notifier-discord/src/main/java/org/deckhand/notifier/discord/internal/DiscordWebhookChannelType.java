package org.deckhand.notifier.discord.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.deckhand.api.notify.ChannelSetting;
import org.deckhand.api.notify.ChannelSettings;
import org.deckhand.api.notify.ChannelType;
import org.deckhand.api.notify.InvalidChannelSettingsException;
import org.deckhand.api.notify.NotificationChannel;
import org.deckhand.notifier.discord.internal.payload.DiscordLimits;
import org.deckhand.notifier.discord.internal.webhook.SharedLimits;
import org.deckhand.notifier.discord.internal.webhook.Pacer;
import org.deckhand.notifier.discord.internal.webhook.WebhookAddress;
import org.deckhand.notifier.discord.internal.webhook.WebhookSender;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The Discord webhook channel type ({@code discord-webhook}): a channel posts to the webhook whose URL the user
 * copied from a Discord channel's settings (Integrations, Webhooks). The URL is a secret: whoever has it can post.
 * All the channels of this type share one HTTP client and Discord's rate limits: the global one and each bucket.
 */
@Component(service = ChannelType.class, configurationPid = DiscordWebhookConfiguration.PID)
@Designate(ocd = DiscordWebhookConfiguration.class)
public final class DiscordWebhookChannelType implements ChannelType {

    /** The setting holding the webhook URL. */
    static final String URL = "url";
    /** The setting holding the name messages are posted under. */
    static final String USERNAME = "username";

    private final String apiBase;
    private final HttpClient client;
    private final Clock clock;
    private final Pacer pacer;
    private final Duration requestTimeout;
    private final Duration longestWait;
    private final SharedLimits sharedLimits = new SharedLimits();
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param configuration the server-wide settings of Discord webhooks
     */
    @Activate
    public DiscordWebhookChannelType(DiscordWebhookConfiguration configuration) {
        this(configuration.api_base(), HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(configuration.connect_timeout_seconds()))
                .followRedirects(HttpClient.Redirect.NEVER).build(), Clock.systemUTC(), Pacer.SLEEP,
                Duration.ofSeconds(configuration.request_timeout_seconds()),
                Duration.ofSeconds(configuration.longest_wait_seconds()));
    }

    /**
     * @param apiBase an API base accepted besides Discord's own, or empty
     * @param client the HTTP client every channel uses
     * @param clock the clock rate limits are measured on
     * @param pacer what waits out a rate limit
     * @param requestTimeout the longest one exchange with Discord may take
     * @param longestWait the longest rate limit a channel waits out itself
     */
    DiscordWebhookChannelType(String apiBase, HttpClient client, Clock clock, Pacer pacer, Duration requestTimeout,
            Duration longestWait) {
        this.apiBase = apiBase;
        this.client = client;
        this.clock = clock;
        this.pacer = pacer;
        this.requestTimeout = requestTimeout;
        this.longestWait = longestWait;
    }

    @Override
    public String id() {
        return "discord-webhook";
    }

    @Override
    public String name() {
        return "Discord webhook";
    }

    @Override
    public List<ChannelSetting> settings() {
        return List.of(
                new ChannelSetting(URL, "Webhook URL", "The URL Discord gives in a channel's settings, Integrations, "
                        + "Webhooks, Copy Webhook URL: https://discord.com/api/webhooks/<id>/<token>", true, true),
                new ChannelSetting(USERNAME, "Posted as", "The name the messages appear under, such as Deckhand "
                        + "(at most 80 characters, without \"discord\" or \"clyde\"); empty for the webhook's own",
                        false, false));
    }

    @Override
    public NotificationChannel open(ChannelSettings settings) throws InvalidChannelSettingsException {
        WebhookAddress address;
        try {
            address = WebhookAddress.parse(settings.require(URL), apiBase);
        } catch (IllegalArgumentException e) {
            throw new InvalidChannelSettingsException(URL, e.getMessage());
        }
        String username = settings.get(USERNAME).map(String::strip).filter(name -> !name.isEmpty()).orElse(null);
        if (username != null) {
            String lower = username.toLowerCase(Locale.ROOT);
            if (username.length() > DiscordLimits.USERNAME || lower.contains("discord") || lower.contains("clyde")) {
                throw new InvalidChannelSettingsException(USERNAME, "must be at most " + DiscordLimits.USERNAME
                        + " characters and not contain \"discord\" or \"clyde\", which Discord refuses");
            }
        }
        WebhookSender sender = new WebhookSender(address, client, clock, pacer, sharedLimits, json, requestTimeout,
                longestWait);
        return new DiscordWebhookChannel(sender, new MessageEmbeds(username));
    }
}
