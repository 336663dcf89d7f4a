package org.deckhand.notifier.internal.digest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.deckhand.api.notify.Kind;
import org.deckhand.api.notify.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers notices into digests: the first notice of a kind opens a window (60 s by default); when it closes, what
 * the window gathered goes out as one message of that kind. Urgent notices (critical, or about security) go out at
 * once, each as its own message. Thread-safe. The open windows live in memory: an orderly stop sends them at once,
 * a crash loses them (the events themselves are not durable).
 */
public final class DigestCollector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DigestCollector.class);

    private final Duration window;
    private final URI console;
    private final Consumer<Message> sink;
    private final Clock clock;
    private final Map<Kind, Digest> open = new EnumMap<>(Kind.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "deckhand-notifier-digest");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param window how long a digest gathers notices
     * @param console the console's address, for the messages' links
     * @param sink where the messages go (the outbox)
     * @param clock the time
     */
    public DigestCollector(Duration window, URI console, Consumer<Message> sink, Clock clock) {
        this.window = window;
        this.console = console;
        this.sink = sink;
        this.clock = clock;
    }

    /** @param notice something to tell, now or in the window's digest */
    public void add(Notice notice) {
        if (notice.urgent()) {
            Digest alone = new Digest(notice.kind());
            alone.add(notice);
            deliver(alone);
            return;
        }
        synchronized (open) {
            Digest digest = open.get(notice.kind());
            if (digest == null) {
                digest = new Digest(notice.kind());
                open.put(notice.kind(), digest);
                timer.schedule(() -> flush(notice.kind()), window.toMillis(), TimeUnit.MILLISECONDS);
            }
            digest.add(notice);
        }
    }

    private void flush(Kind kind) {
        Digest digest;
        synchronized (open) {
            digest = open.remove(kind);
        }
        if (digest != null) {
            deliver(digest);
        }
    }

    private void deliver(Digest digest) {
        try {
            sink.accept(digest.message(console, clock.instant()));
        } catch (RuntimeException e) {
            LOG.error("A digest of {} notices could not be stored in the outbox", digest.size(), e);
        }
    }

    /** Sends every open window's digest now, and stops the timer. */
    @Override
    public void close() {
        timer.shutdownNow();
        List<Kind> kinds;
        synchronized (open) {
            kinds = List.copyOf(open.keySet());
        }
        kinds.forEach(this::flush);
    }
}
