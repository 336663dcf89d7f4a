package org.deckhand.notifier.internal.digest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.deckhand.api.notify.Kind;
import org.deckhand.notifier.internal.store.DigestWindows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers notices into digests: the first notice of a kind opens a window (60 s by default); when it closes, what
 * the window gathered goes out as one message of that kind. Urgent notices (critical, or about security) go out at
 * once, each as its own message. The open windows are durable: a window that took in notices is stored, with its
 * running summary, within {@value #SAVE_DELAY_MILLIS} ms (one transaction for all the notices of that time, rather
 * than one a notice, which made a scan of 100,000 files cost the notifier 100,000 commits), and a window's digest is
 * stored in the outbox in the transaction that removes the window, so a crash neither doubles a digest nor loses
 * more than the notices of its last {@value #SAVE_DELAY_MILLIS} ms (EventAdmin's own queue is not durable either); {@link #reopen()} takes up the stored windows
 * at start and closes at once those whose time has passed. An orderly stop leaves the open windows stored, to close
 * on time after the restart (at once if their time passed meanwhile). Thread-safe.
 */
public final class DigestCollector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DigestCollector.class);
    private static final long RETRY_MILLIS = 5_000;
    /** The most time between a notice and the save of its window, ms. */
    public static final long SAVE_DELAY_MILLIS = 200;

    /** An open window: its digest and times. */
    private record Window(Digest digest, Instant opened, Instant closes) {
    }

    private final Duration window;
    private final URI console;
    private final DigestStore store;
    private final Clock clock;
    private final Map<Kind, Window> open = new EnumMap<>(Kind.class);
    /** The kinds whose window took in notices since it was last stored; guarded by {@link #open}. */
    private final Set<Kind> unsaved = EnumSet.noneOf(Kind.class);
    /** Whether a save of the unsaved windows is scheduled; guarded by {@link #open}. */
    private boolean saveScheduled;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "deckhand-notifier-digest");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param window how long a digest gathers notices
     * @param console the console's address, for the messages' links
     * @param store where the windows are kept and the messages go (the outbox)
     * @param clock the time
     */
    public DigestCollector(Duration window, URI console, DigestStore store, Clock clock) {
        this.window = window;
        this.console = console;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Takes up the windows stored open (after a crash or a restart): each closes when its time comes, or sooner when
     * the window was made shorter meanwhile (as when the digest window setting changes, which restarts the notifier),
     * at once when that time has passed. A window whose summary is damaged is logged and left.
     */
    public void reopen() {
        Instant now = clock.instant();
        synchronized (open) {
            for (DigestWindows.Stored stored : store.open()) {
                Digest digest;
                try {
                    digest = Digest.fromSummary(stored.kind(), stored.summary());
                } catch (IllegalArgumentException damaged) {
                    LOG.error("{}; it is not sent", damaged.getMessage());
                    continue;
                }
                Instant closes = earliest(stored.closes(), stored.opened().plus(window));
                Window reopened = new Window(digest, stored.opened(), closes);
                open.put(stored.kind(), reopened);
                schedule(stored.kind(), reopened, Math.max(0, Duration.between(now, closes).toMillis()));
                LOG.info("A digest window of {} notices of {} taken up again, closing at {}", digest.size(),
                        stored.kind(), closes);
            }
        }
    }

    private static Instant earliest(Instant one, Instant other) {
        return one.isBefore(other) ? one : other;
    }

    /**
     * Tells a notice: an urgent one at once, stored in the outbox before this returns; any other in its kind's window,
     * stored within {@value #SAVE_DELAY_MILLIS} ms.
     *
     * @param notice something to tell
     */
    public void add(Notice notice) {
        if (notice.urgent()) {
            Digest alone = new Digest(notice.kind());
            alone.add(notice);
            try {
                store.publish(alone.message(console, clock.instant()));
            } catch (RuntimeException e) {
                LOG.error("An urgent notice could not be stored in the outbox: {}", notice.title(), e);
            }
            return;
        }
        synchronized (open) {
            Window current = open.get(notice.kind());
            if (current == null) {
                Instant now = clock.instant();
                current = new Window(new Digest(notice.kind()), now, now.plus(window));
                open.put(notice.kind(), current);
                schedule(notice.kind(), current, window.toMillis());
            }
            current.digest().add(notice);
            unsaved.add(notice.kind());
            scheduleSave(SAVE_DELAY_MILLIS);
        }
    }

    /** Schedules the save of the unsaved windows, unless one is scheduled; the caller holds {@link #open}. */
    private void scheduleSave(long delayMillis) {
        if (!saveScheduled && !timer.isShutdown()) {
            saveScheduled = true;
            timer.schedule(this::saveUnsaved, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Stores each window that took in notices since its last save; one that fails is tried again in a few seconds. */
    private void saveUnsaved() {
        synchronized (open) {
            saveScheduled = false;
            for (Kind kind : List.copyOf(unsaved)) {
                Window current = open.get(kind);
                try {
                    if (current != null) {
                        store.save(new DigestWindows.Stored(kind, current.opened(), current.closes(),
                                current.digest().summary()));
                    }
                    unsaved.remove(kind);
                } catch (RuntimeException e) {
                    LOG.error("The digest window of {} could not be stored; it is kept in memory and tried again in "
                            + "{} s", kind, RETRY_MILLIS / 1000, e);
                }
            }
            if (!unsaved.isEmpty()) {
                scheduleSave(RETRY_MILLIS);
            }
        }
    }

    private void schedule(Kind kind, Window which, long delayMillis) {
        if (!timer.isShutdown()) {
            timer.schedule(() -> flush(kind, which), delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Closes a window: its digest goes to the outbox and the window leaves the database in one transaction; when
     * that fails, the window stays open and is tried again in a few seconds.
     */
    private void flush(Kind kind, Window which) {
        synchronized (open) {
            if (open.get(kind) != which) {
                return;
            }
            try {
                store.close(kind, which.digest().message(console, clock.instant()));
                open.remove(kind);
                unsaved.remove(kind);
            } catch (RuntimeException e) {
                LOG.error("A digest of {} notices could not be stored in the outbox; trying again in {} s",
                        which.digest().size(), RETRY_MILLIS / 1000, e);
                schedule(kind, which, RETRY_MILLIS);
            }
        }
    }

    /**
     * Stops the timer and leaves every open window in the database, stored once more as it is in memory (with the
     * notices not saved yet); a window that cannot be stored even now is sent at once rather than lost.
     */
    @Override
    public void close() {
        timer.shutdownNow();
        synchronized (open) {
            for (Map.Entry<Kind, Window> entry : List.copyOf(open.entrySet())) {
                Window left = entry.getValue();
                try {
                    store.save(new DigestWindows.Stored(entry.getKey(), left.opened(), left.closes(),
                            left.digest().summary()));
                } catch (RuntimeException e) {
                    LOG.error("The digest window of {} could not be stored at the stop; it is sent now",
                            entry.getKey(), e);
                    flush(entry.getKey(), left);
                }
            }
        }
    }
}
