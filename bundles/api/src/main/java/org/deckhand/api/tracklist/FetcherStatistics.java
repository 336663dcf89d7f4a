package org.deckhand.api.tracklist;

import java.time.Instant;
import java.util.List;

/**
 * What the {@link PoliteFetcher} has done since the server started, and its cache now.
 *
 * @param cacheEntries answers in the cache (its disk tier, which holds every entry)
 * @param cacheHeapEntries answers also held on the heap
 * @param cacheDiskBytes bytes the cache's disk tier occupies in the data folder
 * @param cacheHits fetches the cache answered
 * @param cacheMisses fetches the cache could not answer
 * @param cacheHitRate {@code cacheHits / (cacheHits + cacheMisses)}, 0 before the first fetch
 * @param requests HTTP requests sent to the sites, robots.txt included
 * @param hosts each host asked so far
 */
public record FetcherStatistics(long cacheEntries, long cacheHeapEntries, long cacheDiskBytes, long cacheHits,
        long cacheMisses, double cacheHitRate, long requests, List<HostStatus> hosts) {

    /** Copies the list. */
    public FetcherStatistics {
        hosts = List.copyOf(hosts);
    }

    /**
     * One host the fetcher has asked.
     *
     * @param host the host, with its port when not the scheme's default
     * @param requestsInWindow requests sent to it within the budget's window now
     * @param budget the most requests it gets within the window
     * @param windowSeconds the budget's window, in seconds
     * @param crawlDelaySeconds seconds kept between two requests to it: the configured gap, or its robots.txt's
     *     {@code Crawl-delay} when longer
     * @param blockedUntil when its block after a captcha ends, {@code null} when it is not blocked
     */
    public record HostStatus(String host, int requestsInWindow, int budget, long windowSeconds,
            double crawlDelaySeconds, Instant blockedUntil) {
    }
}
