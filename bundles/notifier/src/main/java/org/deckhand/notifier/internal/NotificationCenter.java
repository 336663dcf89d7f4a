package org.deckhand.notifier.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.deckhand.api.database.EmbeddedDatabases;
import org.deckhand.api.notify.ChannelSetting;
import org.deckhand.api.notify.ChannelSettings;
import org.deckhand.api.notify.ChannelType;
import org.deckhand.api.notify.Delivery;
import org.deckhand.api.notify.InvalidChannelSettingsException;
import org.deckhand.api.notify.Kind;
import org.deckhand.api.notify.Level;
import org.deckhand.api.notify.Message;
import org.deckhand.api.notify.NotificationChannel;
import org.deckhand.api.notify.Notifier;
import org.deckhand.api.security.SealedSecrets;
import org.deckhand.notifier.internal.delivery.Dispatcher;
import org.deckhand.notifier.internal.delivery.WorkerStatus;
import org.deckhand.notifier.internal.digest.DigestCollector;
import org.deckhand.notifier.internal.digest.DigestStore;
import org.deckhand.notifier.internal.digest.EventMapper;
import org.deckhand.notifier.internal.store.ChannelStore;
import org.deckhand.notifier.internal.store.DigestWindows;
import org.deckhand.notifier.internal.store.NotifierDatabase;
import org.deckhand.notifier.internal.store.Outbox;
import org.deckhand.notifier.internal.store.StoredChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier without OSGi: the channel types it knows, the channels the user configured, the digests of events,
 * the outbox and the workers that drain it. Thread-safe.
 */
public final class NotificationCenter implements Notifier, AutoCloseable {

    /** The most messages a channel may send a minute. */
    public static final int MAX_RATE_PER_MINUTE = 600;

    /** A new channel's rate, messages a minute, when the request gives none. */
    public static final int DEFAULT_RATE_PER_MINUTE = 20;

    private static final Logger LOG = LoggerFactory.getLogger(NotificationCenter.class);
    private static final Duration TEST_WAIT = Duration.ofSeconds(30);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final NotifierSettings settings;
    private final Clock clock;
    private final NotifierDatabase database;
    private final ChannelStore channels;
    private final Outbox outbox;
    private final Dispatcher dispatcher;
    private final DigestCollector digests;
    private final Map<String, ChannelType> types = new ConcurrentHashMap<>();
    private volatile Instant lastPrune = Instant.EPOCH;
    private volatile boolean closed;

    /**
     * Opens the notifier's database and starts a worker for each configured channel.
     *
     * @param folder the notifier's folder, {@code DATA/notifier}
     * @param engine the Derby engine its database is opened in
     * @param settings its settings
     * @param initialTypes the channel types known at start
     * @param clock the time
     * @throws IOException if the database or the secrets' key cannot be opened
     */
    public NotificationCenter(Path folder, EmbeddedDatabases engine, NotifierSettings settings,
            Collection<ChannelType> initialTypes, Clock clock) throws IOException {
        this.settings = settings;
        this.clock = clock;
        this.database = new NotifierDatabase(engine, folder);
        this.channels = new ChannelStore(database, SealedSecrets.underKey(folder.resolve(ChannelStore.KEY_FILE)));
        this.outbox = new Outbox(database, settings.maxPendingPerChannel(), this::situation);
        this.dispatcher = new Dispatcher(outbox, channels, settings.policy(), clock);
        DigestWindows windows = new DigestWindows(database);
        this.digests = new DigestCollector(settings.digestWindow(), settings.console(), new DigestStore() {
            @Override
            public void publish(Message message) {
                NotificationCenter.this.publish(message);
            }

            @Override
            public void save(DigestWindows.Stored window) {
                windows.save(window);
            }

            @Override
            public void close(Kind kind, Message digest) {
                store(digest, connection -> {
                    DigestWindows.remove(connection, kind);
                    return null;
                });
            }

            @Override
            public List<DigestWindows.Stored> open() {
                return windows.list();
            }
        }, clock);
        initialTypes.forEach(type -> types.put(type.id(), type));
        for (StoredChannel channel : channels.list()) {
            startWorker(channel);
        }
        digests.reopen();
    }

    /**
     * @param channelId a channel
     * @return what it is doing, in words that follow "while this channel was"
     */
    private String situation(long channelId) {
        Optional<WorkerStatus> status = dispatcher.status(channelId);
        if (status.isEmpty()) {
            return "not running";
        }
        WorkerStatus worker = status.get();
        return switch (worker.state()) {
            case "STOPPED" -> "stopped" + worker.reason().map(reason -> " (" + reason + ")").orElse("");
            case "UNAVAILABLE" -> "unavailable" + worker.reason().map(reason -> " (" + reason + ")").orElse("");
            case "WAITING" -> "held back by the receiver's rate limit";
            default -> !worker.circuit().equals("CLOSED") || worker.lastOutcome()
                    .filter(Delivery.TransientFailure.class::isInstance).isPresent() ? "unreachable"
                    : "sending slower than messages came";
        };
    }

    /**
     * Makes a channel type known, and (re)opens the channels of that type.
     *
     * @param type the type
     */
    public void addType(ChannelType type) {
        if (closed) {
            return;
        }
        types.put(type.id(), type);
        restartChannelsOf(type.id());
    }

    /**
     * Forgets a channel type; its channels wait, unavailable, their messages kept.
     *
     * @param type the type
     */
    public void removeType(ChannelType type) {
        if (types.remove(type.id(), type) && !closed) {
            restartChannelsOf(type.id());
        }
    }

    private void restartChannelsOf(String typeId) {
        channels.list().stream().filter(channel -> channel.rules().type().equals(typeId)).forEach(this::startWorker);
    }

    private void startWorker(StoredChannel channel) {
        ChannelType type = types.get(channel.rules().type());
        if (type == null) {
            dispatcher.start(channel, Optional.empty(), "the channel type '" + channel.rules().type()
                    + "' is not installed");
            return;
        }
        try {
            NotificationChannel opened = type.open(new ChannelSettings(Long.toString(channel.id()),
                    channel.rules().settings()));
            dispatcher.start(channel, Optional.of(opened), "");
            opened.start();
        } catch (InvalidChannelSettingsException e) {
            dispatcher.start(channel, Optional.empty(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("The channel type {} failed to open channel {}", type.id(), channel.id(), e);
            dispatcher.start(channel, Optional.empty(), "the channel type '" + type.id() + "' failed to open it: "
                    + e.getMessage());
        }
    }

    @Override
    public int publish(Message message) {
        return store(message, connection -> null);
    }

    /**
     * Stores a message for the channels that take it, and does more work in the same transaction.
     *
     * @return how many channels take it
     */
    private int store(Message message, NotifierDatabase.SqlWork<?> alsoInTransaction) {
        List<Long> takers = channels.list().stream().filter(channel -> channel.rules().takes(message.kind(),
                message.level())).map(StoredChannel::id).collect(Collectors.toList());
        Instant now = clock.instant();
        outbox.enqueue(message, takers, now, alsoInTransaction);
        takers.forEach(dispatcher::wake);
        if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) > 0) {
            lastPrune = now;
            int pruned = outbox.prune(now.minus(settings.historyKept()));
            LOG.debug("Pruned {} finished deliveries from the history", pruned);
        }
        return takers.size();
    }

    /**
     * Tells of an EventAdmin event, now or in a digest, if it is worth telling.
     *
     * @param topic the event's topic
     * @param properties its properties
     */
    public void onEvent(String topic, Map<String, Object> properties) {
        EventMapper.map(topic, properties).ifPresent(digests::add);
    }

    /** @return the channel types known, by id */
    public List<ChannelView.TypeView> types() {
        return types.values().stream().sorted(Comparator.comparing(ChannelType::id))
                .map(type -> new ChannelView.TypeView(type.id(), type.name(), type.settings()))
                .collect(Collectors.toList());
    }

    /** @return every channel, by id */
    public List<ChannelView> channels() {
        return channels.list().stream().map(this::view).collect(Collectors.toList());
    }

    /**
     * @param id a channel's id
     * @return it, if it exists
     */
    public Optional<ChannelView> channel(long id) {
        return channels.get(id).map(this::view);
    }

    /**
     * @param request the new channel; its type is required
     * @return the channel as made
     * @throws ChannelRequestException if the type is unknown, or the settings or rules cannot make a channel
     */
    public ChannelView create(ChannelRequest request) throws ChannelRequestException {
        if (request.type() == null || request.type().isBlank()) {
            throw new ChannelRequestException("A channel needs a type, one of " + types.keySet());
        }
        ChannelType type = type(request.type());
        StoredChannel.ChannelDraft draft = merge(type, new StoredChannel.ChannelDraft(type.id(), type.name(), true,
                Level.INFO, EnumSet.allOf(Kind.class), DEFAULT_RATE_PER_MINUTE, Map.of()), request);
        long id = channels.insert(draft, secretKeys(type), clock.instant());
        StoredChannel stored = channels.get(id).orElseThrow();
        startWorker(stored);
        LOG.info("Notification channel {} ({}) added", id, type.id());
        return view(stored);
    }

    /**
     * @param id a channel's id
     * @param request what changes
     * @return the channel as changed, or empty when there is no such channel
     * @throws ChannelRequestException if the settings or rules cannot make a channel, or the type would change
     */
    public Optional<ChannelView> update(long id, ChannelRequest request) throws ChannelRequestException {
        Optional<StoredChannel> existing = channels.get(id);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        StoredChannel.ChannelDraft old = existing.get().rules();
        if (request.type() != null && !request.type().equals(old.type())) {
            throw new ChannelRequestException("A channel's type cannot change (" + old.type() + " to "
                    + request.type() + "): add a channel of the new type instead");
        }
        ChannelType type = type(old.type());
        StoredChannel.ChannelDraft draft = merge(type, old, request);
        channels.update(id, draft, secretKeys(type));
        StoredChannel stored = channels.get(id).orElseThrow();
        startWorker(stored);
        LOG.info("Notification channel {} ({}) changed", id, type.id());
        return Optional.of(view(stored));
    }

    /**
     * @param id a channel's id
     * @return whether it existed; its waiting messages go with it
     */
    public boolean delete(long id) {
        dispatcher.stop(id);
        boolean existed = channels.delete(id);
        if (existed) {
            LOG.info("Notification channel {} deleted", id);
        }
        return existed;
    }

    /**
     * Sends a test message to a channel at once, ahead of its queue and whatever its circuit, and waits for the
     * outcome; a delivered test resumes a stopped channel.
     *
     * @param id a channel's id
     * @return the outcome, or empty when there is no such channel
     * @throws TimeoutException if the outcome is not known within 30 s (the channel is busy or slow)
     */
    public Optional<Delivery> test(long id) throws TimeoutException {
        Optional<StoredChannel> channel = channels.get(id);
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        Message message = Message.of(Kind.HEALTH, Level.INFO, "Deckhand test message", "The channel '"
                + channel.get().rules().name() + "' works: Deckhand's notifications reach you here.")
                .withLink(settings.console());
        try {
            return Optional.of(dispatcher.test(id, message).orElseThrow()
                    .get(TEST_WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            throw new IllegalStateException("The test of channel " + id + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("Interrupted while waiting for the test of channel " + id);
        }
    }

    /**
     * @param channelId a channel, or empty for all
     * @param limit the most entries, 1 to 1000
     * @return the newest deliveries first
     */
    public List<Outbox.HistoryEntry> history(OptionalLong channelId, int limit) {
        return outbox.history(channelId, limit);
    }

    private ChannelType type(String id) throws ChannelRequestException {
        ChannelType type = types.get(id);
        if (type == null) {
            throw new ChannelRequestException("No channel type '" + id + "' is installed; the types are "
                    + types.keySet().stream().sorted().collect(Collectors.toList()));
        }
        return type;
    }

    private static Set<String> secretKeys(ChannelType type) {
        return type.settings().stream().filter(ChannelSetting::secret).map(ChannelSetting::key)
                .collect(Collectors.toSet());
    }

    private static StoredChannel.ChannelDraft merge(ChannelType type, StoredChannel.ChannelDraft old,
            ChannelRequest request) throws ChannelRequestException {
        Set<String> known = type.settings().stream().map(ChannelSetting::key).collect(Collectors.toSet());
        Map<String, String> values = new HashMap<>(old.settings());
        if (request.settings() != null) {
            for (Map.Entry<String, String> entry : request.settings().entrySet()) {
                if (!known.contains(entry.getKey())) {
                    throw new ChannelRequestException("The channel type '" + type.id() + "' has no setting '"
                            + entry.getKey() + "'; its settings are " + known.stream().sorted()
                            .collect(Collectors.toList()));
                }
                if (entry.getValue() == null || entry.getValue().isBlank()) {
                    values.remove(entry.getKey());
                } else {
                    values.put(entry.getKey(), entry.getValue());
                }
            }
        }
        int rate = request.ratePerMinute() == null ? old.ratePerMinute() : request.ratePerMinute();
        if (rate < 1 || rate > MAX_RATE_PER_MINUTE) {
            throw new ChannelRequestException("ratePerMinute must be 1 to " + MAX_RATE_PER_MINUTE + ", not " + rate);
        }
        String name = request.name() == null ? old.name() : request.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new ChannelRequestException("A channel's name must be 1 to 200 characters");
        }
        StoredChannel.ChannelDraft draft = new StoredChannel.ChannelDraft(type.id(), name,
                request.enabled() == null ? old.enabled() : request.enabled(),
                request.minimumLevel() == null ? old.minimumLevel() : request.minimumLevel(),
                request.kinds() == null ? old.kinds() : request.kinds(), rate, values);
        try {
            type.open(new ChannelSettings("new", values)).close();
        } catch (InvalidChannelSettingsException e) {
            throw new ChannelRequestException(e.getMessage());
        }
        return draft;
    }

    private ChannelView view(StoredChannel channel) {
        StoredChannel.ChannelDraft rules = channel.rules();
        ChannelType type = types.get(rules.type());
        Set<String> secret = type == null ? Set.of() : secretKeys(type);
        Map<String, String> plain = new HashMap<>();
        Map<String, Boolean> secrets = new HashMap<>();
        if (type != null) {
            secret.forEach(key -> secrets.put(key, rules.settings().containsKey(key)));
        }
        rules.settings().forEach((key, value) -> {
            if (type == null) {
                secrets.put(key, true);
            } else if (!secret.contains(key)) {
                plain.put(key, value);
            }
        });
        Optional<WorkerStatus> status = dispatcher.status(channel.id());
        String state = status.map(WorkerStatus::state).orElse("UNAVAILABLE");
        Optional<String> reason = status.flatMap(WorkerStatus::reason);
        return new ChannelView(channel.id(), rules.type(), rules.name(), rules.enabled(), rules.minimumLevel(),
                rules.kinds(), rules.ratePerMinute(), plain, secrets, state, reason.orElse(null),
                channel.stop().map(StoredChannel.Stop::status).orElse(null),
                status.map(WorkerStatus::circuit).orElse("CLOSED"), status.flatMap(WorkerStatus::waitingUntil)
                .orElse(null), outbox.pendingCount(channel.id()), outbox.droppedCount(channel.id()),
                status.flatMap(WorkerStatus::lastOutcome)
                .map(NotificationCenter::outcomeOf).orElse(null), channel.created());
    }

    /**
     * @param delivery an outcome
     * @return it as the API shows it
     */
    public static ChannelView.Outcome outcomeOf(Delivery delivery) {
        if (delivery instanceof Delivery.Delivered delivered) {
            return new ChannelView.Outcome("delivered", delivered.statusCode(), delivered.receiverId());
        }
        if (delivery instanceof Delivery.RetryAfter wait) {
            return new ChannelView.Outcome("retry-after", wait.statusCode(), wait.reason() + " (wait "
                    + wait.seconds() + " s)");
        }
        if (delivery instanceof Delivery.TransientFailure failure) {
            return new ChannelView.Outcome("transient", failure.statusCode(), failure.reason());
        }
        if (delivery instanceof Delivery.Rejected rejected) {
            return new ChannelView.Outcome("rejected", rejected.statusCode(), rejected.reason());
        }
        Delivery.PermanentFailure failure = (Delivery.PermanentFailure) delivery;
        return new ChannelView.Outcome("permanent", failure.statusCode(), failure.reason());
    }

    /**
     * Leaves the open digest windows stored (they close on time after the next start), stops the workers after
     * their sends under way, and shuts the database down.
     *
     * @throws IOException if the database does not shut down cleanly (it recovers at the next start)
     */
    @Override
    public void close() throws IOException {
        closed = true;
        digests.close();
        dispatcher.close();
        database.close();
    }
}
