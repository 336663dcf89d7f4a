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
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;
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
 * members or messages. Only an invalid token is final: Discord's REST API answering 401 (JDA's
 * {@code InvalidTokenException}) or its gateway closing the session with 4004 (Authentication failed). Any other
 * failure to log in (Discord unreachable, a 5xx after JDA's own retries, a session the gateway ended with a code
 * that does not mean the token) is transient: the bot logs in again after 1 s, then twice as long each time up to
 * 5 minutes, and says so while it waits. Thread-safe.
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
    private final Object pause = new Object();
    private volatile boolean retrying;
    /** True while {@code login()} runs: a shutdown then is that login's failure, which it handles itself. */
    private volatile boolean inLogin;
    private volatile boolean closed;

    /** The wait before the first new login after a transient failure; it doubles with each further one. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    /** The longest wait between two logins. */
    static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

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
     * Logs the bot in on a thread of its own; returns at once. Does nothing while the bot is logging in, waiting to
     * log in again or logged in, or after Discord refused its token.
     */
    void start() {
        logInAfter(Duration.ZERO);
    }

    private void logInAfter(Duration delay) {
        if (closed || failure.get() != null || !loggingIn.compareAndSet(false, true)) {
            return;
        }
        Thread login = new Thread(() -> logInUntilDone(delay), "deckhand-discord-bot-login");
        login.setDaemon(true);
        login.start();
    }

    /** Logs in, and again after each transient failure with a doubling wait, until it works, fails or closes. */
    private void logInUntilDone(Duration delay) {
        Duration wait = delay.isZero() ? FIRST_RETRY : delay;
        if (!delay.isZero() && !pause(delay)) {
            return;
        }
        while (!closed) {
            Optional<String> transientFailure = login();
            if (transientFailure.isEmpty()) {
                retrying = false;
                return;
            }
            retrying = true;
            lastError.set("the bot could not log in to Discord (" + transientFailure.get() + "); retrying in "
                    + wait.toSeconds() + " s");
            LOG.warn("A Discord bot could not log in ({}); it tries again in {} s", transientFailure.get(),
                    wait.toSeconds());
            if (!pause(wait)) {
                return;
            }
            Duration doubled = wait.multipliedBy(2);
            wait = doubled.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : doubled;
        }
    }

    /** @return whether the wait ended without the session closing */
    private boolean pause(Duration wait) {
        synchronized (pause) {
            long deadline = System.nanoTime() + wait.toNanos();
            try {
                for (long left = wait.toMillis(); !closed && left > 0;
                        left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
                    pause.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !closed;
    }

    /**
     * One login: JDA's REST check of the token, then its gateway connection, which goes on on JDA's threads.
     *
     * @return what went wrong when it is worth trying again; empty when logged in, or when the token was refused
     */
    private Optional<String> login() {
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
        inLogin = true;
        try {
            manager.login();
            if (closed) {
                manager.shutdown();
            }
            return Optional.empty();
        } catch (InvalidTokenException e) {
            fail();
            return Optional.empty();
        } catch (RuntimeException e) {
            shards.set(null);
            manager.shutdown();
            return Optional.of(String.valueOf(e.getMessage()));
        } finally {
            inLogin = false;
        }
    }

    private void fail() {
        failure.set("Discord refused the bot token: copy it again from the Developer Portal (Bot, Reset Token)");
        LOG.warn("A Discord bot could not log in: Discord refused its token");
        settled.countDown();
    }

    /**
     * @return why the bot is waiting to log in again after a transient failure, with the wait, if it is
     */
    Optional<String> retrying() {
        return retrying && failure.get() == null ? Optional.of(lastError.get()) : Optional.empty();
    }

    /**
     * Waits for the bot to be connected, to fail to log in, or to wait to log in again after a transient failure.
     *
     * @param timeout the longest wait
     * @return whether it is connected or has failed ({@link #failure()} tells which); false if neither yet, or if
     *     it waits to log in again ({@link #retrying()} tells)
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            if (settled.await(Math.min(100, left), TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (retrying().isPresent() || left == 0) {
                return false;
            }
        }
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
        synchronized (pause) {
            pause.notifyAll();
        }
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

        /**
         * JDA shut the session down itself: for good when the gateway refused the token (4004), else the bot logs
         * in again after the first wait.
         */
        @Override
        public void onShutdown(ShutdownEvent event) {
            if (closed || event.getJDA().getShardManager() != shards.get()) {
                return;
            }
            if (event.getCloseCode() == CloseCode.AUTHENTICATION_FAILED) {
                fail();
                return;
            }
            if (inLogin || failure.get() != null) {
                return;
            }
            String code = event.getCloseCode() == null ? Integer.toString(event.getCode())
                    : event.getCloseCode().getCode() + ", " + event.getCloseCode().getMeaning();
            lastError.set("Discord ended the bot's session (close code " + code + "); logging in again in "
                    + FIRST_RETRY.toSeconds() + " s");
            LOG.warn("Discord ended a bot's session (close code {}); it logs in again", code);
            shards.set(null);
            retrying = true;
            loggingIn.set(false);
            logInAfter(FIRST_RETRY);
        }

        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            commands.answer(event);
        }
    }
}
