package org.deckhand.notifier.discord.bot.internal;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bot's session with Discord through JDA: its REST client and its gateway connection (a WebSocket whose address
 * comes from {@code GET /gateway/bot}), which JDA keeps alive with heartbeats and resumes after a drop. No gateway
 * intent is asked for beyond {@code GUILDS}, which JDA always asks: the bot needs its servers' channels, not their
 * members or messages. Thread-safe.
 */
final class BotSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotSession.class);

    private final String token;
    private final String apiBase;
    private final SlashCommands commands;
    private final CountDownLatch settled = new CountDownLatch(1);
    private final AtomicReference<ShardManager> shards = new AtomicReference<>();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>("the bot is not connected to Discord yet");
    private final AtomicBoolean loggingIn = new AtomicBoolean();
    private volatile boolean closed;

    /**
     * @param token the bot token, a secret: never logged, never in a message
     * @param apiBase the REST API base ending in a slash, empty for Discord's own
     * @param commands what answers the slash commands
     */
    BotSession(String token, String apiBase, SlashCommands commands) {
        this.token = token;
        this.apiBase = apiBase;
        this.commands = commands;
    }

    /**
     * Logs the bot in on a thread of its own; returns at once. Does nothing while the bot is logging in or logged
     * in, or after Discord refused its token.
     */
    void start() {
        if (closed || failure.get() != null || !loggingIn.compareAndSet(false, true)) {
            return;
        }
        Thread login = new Thread(this::login, "deckhand-discord-bot-login");
        login.setDaemon(true);
        login.start();
    }

    private void login() {
        RestConfig rest = new RestConfig();
        if (!apiBase.isEmpty()) {
            rest.setBaseUrl(apiBase);
        }
        ShardManager manager = DefaultShardManagerBuilder.createLight(token, EnumSet.noneOf(GatewayIntent.class))
                .setShardsTotal(1)
                .setRestConfigProvider(shard -> rest)
                .setCompression(Compression.NONE)
                .setEnableShutdownHook(false)
                .addEventListeners(new Listener())
                .build(false);
        shards.set(manager);
        try {
            manager.login();
            if (closed) {
                manager.shutdown();
            }
        } catch (InvalidTokenException e) {
            fail("Discord refused the bot token: copy it again from the Developer Portal (Bot, Reset Token)");
        } catch (RuntimeException e) {
            lastError.set("the bot could not log in to Discord: " + e.getMessage());
            LOG.warn("A Discord bot could not log in, it tries again with the next message: {}", e.getMessage());
            manager.shutdown();
            shards.set(null);
            loggingIn.set(false);
        }
    }

    private void fail(String reason) {
        failure.set(reason);
        LOG.warn("A Discord bot could not log in: {}", reason);
        settled.countDown();
    }

    /**
     * Waits for the bot to be connected, or to fail to log in.
     *
     * @param timeout the longest wait
     * @return whether it is connected or has failed ({@link #failure()} tells which); false if neither yet
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitSettled(Duration timeout) throws InterruptedException {
        return settled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return why the bot cannot log in (its token refused), for the user, if it cannot */
    Optional<String> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** @return why the bot is not connected yet, for the user: the last login's error, if any */
    String notConnectedReason() {
        return lastError.get();
    }

    /**
     * @param channelId a channel's id
     * @return the text or announcement channel with that id, if the bot is in its server
     */
    Optional<GuildMessageChannel> channel(long channelId) {
        ShardManager manager = shards.get();
        return manager == null ? Optional.empty()
                : Optional.ofNullable(manager.getChannelById(GuildMessageChannel.class, channelId));
    }

    @Override
    public void close() {
        closed = true;
        ShardManager manager = shards.get();
        if (manager != null) {
            manager.shutdown();
        }
    }

    private final class Listener extends ListenerAdapter {

        @Override
        public void onReady(ReadyEvent event) {
            event.getJDA().updateCommands().addCommands(SlashCommands.definition()).queue(
                    done -> LOG.info("The Discord bot {} is connected; /{} registered", event.getJDA().getSelfUser()
                            .getName(), SlashCommands.COMMAND),
                    error -> LOG.warn("Discord did not take the bot's /{} command: {}", SlashCommands.COMMAND,
                            error.getMessage()));
            settled.countDown();
        }

        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            commands.answer(event);
        }
    }
}
