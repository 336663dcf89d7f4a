package org.deckhand.tracklists.internal.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import org.deckhand.api.tracklist.FetchException;
import org.deckhand.api.tracklist.FetchException.Reason;
import org.deckhand.api.tracklist.FetcherStatistics.HostStatus;

/**
 * What the fetcher keeps about one host: when it may be asked next (the gap between requests, a {@code Retry-After}
 * it sent), the requests within the budget's window, a block after a captcha, and its robots.txt. Requests to one
 * host are made one at a time, in turn ({@link #admit} to {@link #finished()}), and the gap is counted from the end
 * of the previous answer, so that a slow answer does not shorten it. The state itself is guarded by the object's
 * monitor, held only briefly, so that {@link #status()} never waits for a request.
 */
final class HostState {

    private final String host;
    private final FetcherSettings settings;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private final ReentrantLock turn = new ReentrantLock(true);
    private final Object robotsLock = new Object();
    private Instant lastAnswer = Instant.EPOCH;
    private Instant retryAfterUntil = Instant.EPOCH;
    private Instant blockedUntil = Instant.EPOCH;
    private Duration crawlDelay = Duration.ZERO;
    private RobotsFile robots;

    HostState(String host, FetcherSettings settings) {
        this.host = host;
        this.settings = settings;
    }

    /**
     * Waits for the host's turn and for the gap since its last answer, then counts the request. The turn is the
     * caller's until it calls {@link #finished()}, which it must, in a {@code finally} block, once this returns.
     *
     * @param source the source asking, for messages
     * @param address the address about to be asked
     * @throws FetchException if the host is blocked, asked to wait longer than the fetcher waits, or its budget is
     *     spent; or the wait was interrupted. The turn is given back.
     */
    void admit(String source, String address) throws FetchException {
        try {
            turn.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(source, address, e);
        }
        try {
            long waitMillis = check(source, address);
            if (waitMillis > 0) {
                Thread.sleep(waitMillis);
            }
            synchronized (this) {
                recent.addLast(Instant.now());
            }
        } catch (InterruptedException e) {
            turn.unlock();
            Thread.currentThread().interrupt();
            throw interrupted(source, address, e);
        } catch (FetchException | RuntimeException e) {
            turn.unlock();
            throw e;
        }
    }

    /** @return how long to wait before the request, in milliseconds, once the rules allow it at all */
    private synchronized long check(String source, String address) throws FetchException {
        Instant now = Instant.now();
        if (now.isBefore(blockedUntil)) {
            throw new FetchException(Reason.BLOCKED, source, address, host + " answered with a captcha; Deckhand"
                    + " sends it no request until " + blockedUntil + ". Open the page in a browser meanwhile.");
        }
        if (Duration.between(now, retryAfterUntil).compareTo(settings.maximumRetryAfter()) > 0) {
            throw new FetchException(Reason.RATE_LIMITED, source, address, host + " asked Deckhand to wait until "
                    + retryAfterUntil + " (Retry-After) before asking for " + address + " again.");
        }
        Instant windowStart = now.minus(settings.budgetWindow());
        while (!recent.isEmpty() && recent.peekFirst().isBefore(windowStart)) {
            recent.removeFirst();
        }
        if (recent.size() >= settings.budget()) {
            throw new FetchException(Reason.BUDGET_EXHAUSTED, source, address, "Deckhand's budget of "
                    + settings.budget() + " requests to " + host + " within " + settings.budgetWindow().toSeconds()
                    + " s is spent; " + address + " can be asked after "
                    + recent.peekFirst().plus(settings.budgetWindow()) + ".");
        }
        return Duration.between(now, later(lastAnswer.plus(gap()), retryAfterUntil)).toMillis();
    }

    /** Records that the request admitted last has been answered (or failed): the next gap starts now. */
    void finished() {
        synchronized (this) {
            lastAnswer = Instant.now();
        }
        turn.unlock();
    }

    private FetchException interrupted(String source, String address, InterruptedException e) {
        return new FetchException(Reason.NETWORK, source, address, "Interrupted while waiting to ask " + host
                + " for " + address, e);
    }

    /** @return the gap kept between two requests: the configured one, or robots.txt's crawl delay when longer */
    synchronized Duration gap() {
        return crawlDelay.compareTo(settings.minimumGap()) > 0 ? crawlDelay : settings.minimumGap();
    }

    /** @param until when the host allows the next request, from its {@code Retry-After} */
    synchronized void retryAfter(Instant until) {
        retryAfterUntil = later(retryAfterUntil, until);
    }

    /** Marks the host blocked for the configured time, after a captcha. */
    synchronized void block() {
        blockedUntil = Instant.now().plus(settings.blockedFor());
    }

    /** @return the lock held while the host's robots.txt is read, so that it is read once */
    Object robotsLock() {
        return robotsLock;
    }

    synchronized RobotsFile robots() {
        return robots == null || robots.expired() ? null : robots;
    }

    synchronized void robots(RobotsFile file) {
        robots = file;
        Duration asked = file.crawlDelay();
        crawlDelay = asked.compareTo(settings.maximumCrawlDelay()) > 0 ? settings.maximumCrawlDelay() : asked;
    }

    synchronized HostStatus status() {
        Instant windowStart = Instant.now().minus(settings.budgetWindow());
        int inWindow = (int) recent.stream().filter(at -> !at.isBefore(windowStart)).count();
        return new HostStatus(host, inWindow, settings.budget(), settings.budgetWindow().toSeconds(),
                gap().toMillis() / 1000.0, Instant.now().isBefore(blockedUntil) ? blockedUntil : null);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
