package org.deckhand.notifier.internal.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.deckhand.api.notify.Delivery;
import org.deckhand.api.notify.Message;
import org.deckhand.api.notify.NotificationChannel;
import org.deckhand.notifier.internal.store.ChannelStore;
import org.deckhand.notifier.internal.store.Outbox;
import org.deckhand.notifier.internal.store.StoredChannel;

/** Keeps one {@link ChannelWorker} per configured channel, and tells them when their outbox has news. */
public final class Dispatcher implements AutoCloseable {

    private final Outbox outbox;
    private final ChannelStore channels;
    private final DeliveryPolicy policy;
    private final Clock clock;
    private final Map<Long, ChannelWorker> workers = new ConcurrentHashMap<>();

    /**
     * @param outbox the outbox the workers drain
     * @param channels the channels' store, where stops are kept
     * @param policy retries and circuits
     * @param clock the time
     */
    public Dispatcher(Outbox outbox, ChannelStore channels, DeliveryPolicy policy, Clock clock) {
        this.outbox = outbox;
        this.channels = channels;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Starts a channel's worker, or restarts it with new settings (a fresh circuit and bucket). A worker that runs
     * already is stopped first, after its send under way, so that two never send the same message at once.
     *
     * @param stored the channel as stored
     * @param channel the channel as its type opened it, or empty when it cannot be opened
     * @param unavailable why it cannot be opened, when it cannot
     */
    public synchronized void start(StoredChannel stored, Optional<NotificationChannel> channel, String unavailable) {
        stop(stored.id());
        workers.put(stored.id(), new ChannelWorker(stored, channel, unavailable, outbox, channels, policy, clock));
    }

    /**
     * Stops a channel's worker; its deliveries stay in the outbox.
     *
     * @param channelId the channel
     */
    public synchronized void stop(long channelId) {
        ChannelWorker worker = workers.remove(channelId);
        if (worker != null) {
            worker.close();
        }
    }

    /** @param channelId a channel whose outbox has something new */
    public void wake(long channelId) {
        ChannelWorker worker = workers.get(channelId);
        if (worker != null) {
            worker.wake();
        }
    }

    /**
     * @param channelId a channel
     * @param message a test message
     * @return its outcome once sent, or empty when the channel has no worker
     */
    public Optional<CompletableFuture<Delivery>> test(long channelId, Message message) {
        return Optional.ofNullable(workers.get(channelId)).map(worker -> worker.test(message));
    }

    /**
     * @param channelId a channel
     * @return its worker's status, if it has one
     */
    public Optional<WorkerStatus> status(long channelId) {
        return Optional.ofNullable(workers.get(channelId)).map(ChannelWorker::status);
    }

    /** Stops every worker after its send under way. */
    @Override
    public synchronized void close() {
        List.copyOf(workers.keySet()).forEach(this::stop);
    }
}
