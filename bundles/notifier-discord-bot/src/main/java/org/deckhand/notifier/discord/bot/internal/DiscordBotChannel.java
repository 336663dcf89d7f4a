package org.deckhand.notifier.discord.bot.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import org.deckhand.api.notify.Delivery;
import org.deckhand.api.notify.Message;
import org.deckhand.api.notify.NotificationChannel;

/**
 * A Discord bot channel: posts each message as an embed to one Discord channel through the bot's session, and
 * while it runs the bot answers {@code /deckhand} there. The message's id goes with it as Discord's {@code nonce}
 * with {@code enforce_nonce}, so that Discord drops a resend of the same message made within minutes.
 */
final class DiscordBotChannel implements NotificationChannel {

    /** The longest nonce Discord takes, in characters. */
    private static final int NONCE_LENGTH = 25;

    private final BotSession session;
    private final long channelId;
    private final Duration timeout;

    /**
     * @param session the bot's session, not yet started
     * @param channelId the id of the Discord channel to post to
     * @param timeout the longest the bot's connection, and then one message, may take
     */
    DiscordBotChannel(BotSession session, long channelId, Duration timeout) {
        this.session = session;
        this.channelId = channelId;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        session.start();
    }

    @Override
    public Delivery send(Message message) {
        session.start();
        try {
            if (!session.awaitSettled(timeout)) {
                return new Delivery.TransientFailure(0, session.retrying().orElse(session.notConnectedReason()));
            }
            Optional<String> failure = session.failure();
            if (failure.isPresent()) {
                return new Delivery.PermanentFailure(401, failure.get());
            }
            Optional<GuildMessageChannel> channel = session.channel(channelId);
            if (channel.isEmpty()) {
                return new Delivery.PermanentFailure(404, "the bot sees no text channel with the id "
                        + Long.toUnsignedString(channelId) + ": invite the bot to its server, or check the id");
            }
            net.dv8tion.jda.api.entities.Message sent = channel.get().sendMessageEmbeds(BotEmbeds.render(message))
                    .setNonce(nonce(message)).submit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Delivery.Delivered(sent.getId(), 200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.TransientFailure(0, "interrupted while sending to Discord");
        } catch (TimeoutException e) {
            return new Delivery.TransientFailure(0, "Discord did not answer within " + timeout.toSeconds() + " s");
        } catch (InsufficientPermissionException e) {
            return new Delivery.PermanentFailure(403, "the bot may not post there: give it the permission "
                    + e.getPermission().getName());
        } catch (ExecutionException e) {
            return outcome(e.getCause());
        }
    }

    private static Delivery outcome(Throwable error) {
        if (error instanceof ErrorResponseException response) {
            int status = response.getResponse() == null ? 0 : response.getResponse().code;
            return Delivery.ofHttpStatus(status, "", OptionalDouble.empty(), "Discord answered " + status + ": "
                    + response.getMeaning() + " (code " + response.getErrorCode() + ")");
        }
        if (error instanceof RateLimitedException limited) {
            return new Delivery.RetryAfter(limited.getRetryAfter() / 1000.0, 429, "Discord's rate limit");
        }
        return new Delivery.TransientFailure(0, "sending to Discord failed: " + error);
    }

    private static String nonce(Message message) {
        String id = message.id().replace("-", "");
        return id.length() <= NONCE_LENGTH ? id : id.substring(0, NONCE_LENGTH);
    }

    @Override
    public void close() {
        session.close();
    }
}
