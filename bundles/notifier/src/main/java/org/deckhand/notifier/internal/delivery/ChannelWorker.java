package org.deckhand.notifier.internal.delivery;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.deckhand.api.notify.Delivery;
import org.deckhand.api.notify.Message;
import org.deckhand.api.notify.NotificationChannel;
import org.deckhand.notifier.internal.store.ChannelStore;
import org.deckhand.notifier.internal.store.Outbox;
import org.deckhand.notifier.internal.store.StoreException;
import org.deckhand.notifier.internal.store.StoredChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains one channel's outbox, in order, on a thread of its own: each message waits for the channel's token bucket
 * (Bucket4j, {@code ratePerMinute} tokens refilled greedily over a minute), for a receiver's {@code Retry-After},
 * and for its own retry time (exponential backoff with jitter, Resilience4j's {@code IntervalFunction}); a
 * Resilience4j circuit breaker opens after the policy's number of consecutive failures, lets one probe through
 * after its wait and closes on the probe's success; nothing is sent while it is open. A message the receiver
 * rejects is marked so and the worker goes on with the next, unless {@value #REJECTIONS_THAT_STOP} in a row are
 * rejected (the receiver refuses everything the channel sends: its settings are wrong), which stops the channel as
 * a permanent failure does: stored with its reason, until the user changes the channel or a test succeeds. The
 * outbox gives the notice of messages its bound dropped ahead of the backlog, so it is sent first.
 */
final class ChannelWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelWorker.class);
    private static final long IDLE_MILLIS = 30_000;
    private static final long OPEN_POLL_MILLIS = 100;
    private static final long STORE_RETRY_MILLIS = 5_000;

    /** How many messages rejected in a row stop the channel. */
    static final int REJECTIONS_THAT_STOP = 5;

    /** A test message, sent ahead of the queue, and where its outcome goes. */
    private record Test(Message message, CompletableFuture<Delivery> outcome) {
    }

    private final long channelId;
    private final Optional<NotificationChannel> channel;
    private final String unavailable;
    private final Outbox outbox;
    private final ChannelStore channels;
    private final Clock clock;
    private final CircuitBreaker circuit;
    private final Bucket bucket;
    private final IntervalFunction backoff;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final ConcurrentLinkedQueue<Test> tests = new ConcurrentLinkedQueue<>();
    private boolean signalled;
    private volatile boolean running = true;
    private volatile Optional<StoredChannel.Stop> stop;
    private volatile Instant holdUntil = Instant.EPOCH;
    private volatile Optional<Delivery> last = Optional.empty();
    private int rejectedInARow;

    /**
     * Starts the worker's thread.
     *
     * @param stored the channel as stored
     * @param channel the channel, opened by its type, or empty when it cannot be opened
     * @param unavailable why it cannot be opened, when it cannot
     * @param outbox the outbox
     * @param channels the channels' store, where a stop is kept
     * @param policy retries and circuit
     * @param clock the time
     */
    ChannelWorker(StoredChannel stored, Optional<NotificationChannel> channel, String unavailable, Outbox outbox,
            ChannelStore channels, DeliveryPolicy policy, Clock clock) {
        this.channelId = stored.id();
        this.channel = channel;
        this.unavailable = unavailable;
        this.outbox = outbox;
        this.channels = channels;
        this.clock = clock;
        this.stop = stored.stop();
        this.circuit = CircuitBreaker.of("notifier-channel-" + channelId, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(policy.circuitFailures())
                .minimumNumberOfCalls(policy.circuitFailures())
                .failureRateThreshold(100f)
                .waitDurationInOpenState(policy.circuitOpen())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordExceptions(Throwable.class)
                .build());
        int rate = Math.max(1, stored.rules().ratePerMinute());
        this.bucket = Bucket.builder().addLimit(Bandwidth.builder().capacity(rate)
                .refillGreedy(rate, Duration.ofMinutes(1)).build()).build();
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(policy.retryInitial(), 2.0, 0.5,
                policy.retryMax());
        this.thread = new Thread(this::run, "deckhand-notifier-channel-" + channelId);
        thread.setDaemon(true);
        thread.start();
    }

    /** @return the channel's id */
    long channelId() {
        return channelId;
    }

    /** Tells the worker that the outbox has something new for it. */
    void wake() {
        lock.lock();
        try {
            signalled = true;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends a test message ahead of the queue, ignoring the circuit but not the rate limit.
     *
     * @param message the test message
     * @return its outcome, once sent
     */
    CompletableFuture<Delivery> test(Message message) {
        CompletableFuture<Delivery> outcome = new CompletableFuture<>();
        tests.add(new Test(message, outcome));
        wake();
        return outcome;
    }

    /** @return what the worker is doing, for the API */
    WorkerStatus status() {
        String state;
        if (stop.isPresent()) {
            state = "STOPPED";
        } else if (channel.isEmpty()) {
            state = "UNAVAILABLE";
        } else if (clock.instant().isBefore(holdUntil)) {
            state = "WAITING";
        } else {
            state = "ACTIVE";
        }
        return new WorkerStatus(state, stop.isPresent() ? stop.map(StoredChannel.Stop::reason)
                : channel.isEmpty() ? Optional.of(unavailable) : Optional.empty(), circuit.getState().name(),
                holdUntil.isAfter(clock.instant()) ? Optional.of(holdUntil) : Optional.empty(), last);
    }

    private void run() {
        while (running) {
            try {
                step();
            } catch (StoreException e) {
                LOG.error("Channel {}: {}; trying again in {} s", channelId, e.getMessage(),
                        STORE_RETRY_MILLIS / 1000);
                await(STORE_RETRY_MILLIS);
            }
        }
    }

    private void step() {
        Test test = tests.poll();
        if (test != null) {
            runTest(test);
            return;
        }
        if (channel.isEmpty() || stop.isPresent()) {
            await(IDLE_MILLIS);
            return;
        }
        Optional<Outbox.Pending> next = outbox.next(channelId, clock.instant());
        if (next.isEmpty()) {
            await(IDLE_MILLIS);
            return;
        }
        Outbox.Pending pending = next.get();
        Instant now = clock.instant();
        Instant due = pending.nextAttempt().isAfter(holdUntil) ? pending.nextAttempt() : holdUntil;
        if (now.isBefore(due)) {
            await(Math.max(1, Duration.between(now, due).toMillis()));
            return;
        }
        if (!circuit.tryAcquirePermission()) {
            await(OPEN_POLL_MILLIS);
            return;
        }
        ConsumptionProbe token = bucket.tryConsumeAndReturnRemaining(1);
        if (!token.isConsumed()) {
            circuit.releasePermission();
            await(Math.max(1, TimeUnit.NANOSECONDS.toMillis(token.getNanosToWaitForRefill())));
            return;
        }
        if (!outbox.attempting(pending.seq())) {
            circuit.releasePermission();
            bucket.addTokens(1);
            return;
        }
        long started = System.nanoTime();
        Delivery outcome = sendSafely(pending.message());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        last = Optional.of(outcome);
        record(pending, outcome, millis);
    }

    private void record(Outbox.Pending pending, Delivery outcome, long millis) {
        Instant now = clock.instant();
        if (!(outcome instanceof Delivery.Rejected)) {
            rejectedInARow = 0;
        }
        if (outcome instanceof Delivery.Delivered delivered) {
            circuit.onSuccess(millis, TimeUnit.MILLISECONDS);
            outbox.delivered(pending.seq(), delivered.statusCode(), delivered.receiverId(), millis, now);
        } else if (outcome instanceof Delivery.Rejected rejected) {
            circuit.onSuccess(millis, TimeUnit.MILLISECONDS);
            outbox.rejected(pending.seq(), rejected.statusCode(), rejected.reason(), millis, now);
            rejectedInARow++;
            LOG.warn("Channel {}: the receiver rejected message {}: {}", channelId, pending.message().id(),
                    rejected.reason());
            if (rejectedInARow >= REJECTIONS_THAT_STOP) {
                rejectedInARow = 0;
                stopWith(new StoredChannel.Stop(rejected.statusCode(), "the receiver rejected "
                        + REJECTIONS_THAT_STOP + " messages in a row, the last with: " + rejected.reason()
                        + "; check the channel's settings"));
            }
        } else if (outcome instanceof Delivery.RetryAfter wait) {
            circuit.releasePermission();
            holdUntil = now.plusNanos((long) (wait.seconds() * 1e9));
            outbox.failed(pending.seq(), wait.statusCode(), wait.reason(), millis, holdUntil);
            LOG.info("Channel {}: the receiver asked to wait {} s", channelId, wait.seconds());
        } else if (outcome instanceof Delivery.TransientFailure failure) {
            circuit.onError(millis, TimeUnit.MILLISECONDS, new IllegalStateException(failure.reason()));
            Instant retry = now.plusMillis(backoff.apply(pending.attempts() + 1));
            outbox.failed(pending.seq(), failure.statusCode(), failure.reason(), millis, retry);
            LOG.warn("Channel {}: {}; message {} is retried at {}", channelId, failure.reason(),
                    pending.message().id(), retry);
        } else if (outcome instanceof Delivery.PermanentFailure failure) {
            circuit.releasePermission();
            outbox.failed(pending.seq(), failure.statusCode(), failure.reason(), millis, now);
            stopWith(new StoredChannel.Stop(failure.statusCode(), failure.reason()));
        }
    }

    private void stopWith(StoredChannel.Stop stopped) {
        channels.setStop(channelId, Optional.of(stopped));
        stop = Optional.of(stopped);
        LOG.warn("Channel {} stopped: {}; its messages wait until its settings change", channelId, stopped.reason());
    }

    private void runTest(Test test) {
        if (channel.isEmpty()) {
            test.outcome().complete(new Delivery.PermanentFailure(0, unavailable));
            return;
        }
        ConsumptionProbe token = bucket.tryConsumeAndReturnRemaining(1);
        if (!token.isConsumed()) {
            double seconds = Math.ceil(token.getNanosToWaitForRefill() / 1e9);
            test.outcome().complete(new Delivery.RetryAfter(seconds, 0, "the channel's rate limit is reached"));
            return;
        }
        long started = System.nanoTime();
        Delivery outcome = sendSafely(test.message());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        last = Optional.of(outcome);
        boolean delivered = outcome instanceof Delivery.Delivered;
        String detail = outcome instanceof Delivery.Delivered d ? d.receiverId() : reason(outcome);
        Outbox.State state = delivered ? Outbox.State.DELIVERED : outcome instanceof Delivery.Rejected
                ? Outbox.State.REJECTED : Outbox.State.FAILED;
        outbox.recordTest(test.message(), channelId, state, outcome.statusCode(), detail, millis, clock.instant());
        if (delivered) {
            if (stop.isPresent()) {
                channels.setStop(channelId, Optional.empty());
                stop = Optional.empty();
            }
            circuit.reset();
            holdUntil = Instant.EPOCH;
        }
        test.outcome().complete(outcome);
    }

    private Delivery sendSafely(Message message) {
        try {
            return channel.orElseThrow().send(message);
        } catch (RuntimeException e) {
            LOG.warn("Channel {} failed on message {}", channelId, message.id(), e);
            return new Delivery.TransientFailure(0, "the channel failed: " + e);
        }
    }

    /**
     * @param outcome an outcome that is not a delivery
     * @return its reason
     */
    static String reason(Delivery outcome) {
        if (outcome instanceof Delivery.RetryAfter wait) {
            return wait.reason();
        }
        if (outcome instanceof Delivery.TransientFailure failure) {
            return failure.reason();
        }
        if (outcome instanceof Delivery.PermanentFailure failure) {
            return failure.reason();
        }
        if (outcome instanceof Delivery.Rejected rejected) {
            return rejected.reason();
        }
        return "";
    }

    private void await(long millis) {
        lock.lock();
        try {
            if (!signalled && running) {
                wakeUp.await(millis, TimeUnit.MILLISECONDS);
            }
            signalled = false;
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the thread after the send under way (waiting at most 5 s), and closes the channel. */
    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(5_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tests.forEach(test -> test.outcome().complete(new Delivery.TransientFailure(0, "the channel was closed")));
        channel.ifPresent(NotificationChannel::close);
    }
}
