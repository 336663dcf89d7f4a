package org.deckhand.tracklists.internal.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.deckhand.api.tracklist.FetchException;
import org.deckhand.api.tracklist.FetchException.Reason;
import org.deckhand.api.tracklist.FetcherStatistics.HostStatus;

/**
 * What the fetcher keeps about one host: when it may be asked next (the gap between requests, a {@code Retry-After}
 * it sent), the requests within the budget's window, a block after a captcha, and its robots.txt. Requests to one
 * host are made one at a time: {@link #admit} holds the host's lock while it waits for the gap, which is counted
 * from the end of the previous request ({@link #finished()}), so that a slow answer does not shorten it.
 */
final class HostState {

    private final String host;
    private final FetcherSettings settings;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private Instant lastRequest = Instant.EPOCH;
    private Instant retryAfterUntil = Instant.EPOCH;
    private Instant blockedUntil = Instant.EPOCH;
    private Duration crawlDelay = Duration.ZERO;
    private RobotsFile robots;

    HostState(String host, FetcherSettings settings) {
        this.host = host;
        this.settings = settings;
    }

    /**
     * Waits until the host may be asked, then counts the request.
     *
     * @param source the source asking, for messages
     * @param address the address about to be asked
     * @throws FetchException if the host is blocked, asked to wait longer than the fetcher waits, or its budget is
     *     spent; or the wait was interrupted
     */
    synchronized void admit(String source, String address) throws FetchException {
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
        Instant allowed = later(lastRequest.plus(gap()), retryAfterUntil);
        long waitMillis = Duration.between(now, allowed).toMillis();
        if (waitMillis > 0) {
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException(Reason.NETWORK, source, address, "Interrupted while waiting to ask "
                        + host + " for " + address, e);
            }
        }
        lastRequest = Instant.now();
        recent.addLast(lastRequest);
    }

    /** Records that the request admitted last has been answered (or failed): the next gap starts now. */
    synchronized void finished() {
        lastRequest = Instant.now();
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
