package org.deckhand.tracklists.internal.fetch;

import java.time.Duration;

/**
 * How politely the fetcher behaves, and how much its cache holds.
 *
 * @param userAgent the {@code User-Agent} header, naming Deckhand
 * @param robotName the product token robots.txt groups are matched against, such as {@code deckhand}
 * @param minimumGap the least time between two requests to one host (robots.txt's {@code Crawl-delay} may ask more)
 * @param maximumCrawlDelay the longest {@code Crawl-delay} honoured; a robots.txt asking more gets this
 * @param budget the most requests to one host within {@code budgetWindow}
 * @param budgetWindow the budget's sliding window
 * @param connectTimeout the longest wait for a connection
 * @param answerTimeout the longest wait for a whole answer, its body included
 * @param maximumRedirects the most redirects followed for one fetch
 * @param maximumBytes the largest answer body accepted
 * @param maximumRetryAfter the longest {@code Retry-After} waited out; a longer one fails the fetch at once
 * @param blockedFor how long a host that answered with a captcha gets no request
 * @param pageTimeToLive how long the cache keeps tracklist pages and wiki API answers
 * @param searchTimeToLive how long the cache keeps search results
 * @param cacheHeapEntries answers of each {@link org.deckhand.api.tracklist.PageKind} the cache keeps on the heap
 * @param cacheDiskMegabytes the most megabytes the cache keeps on disk
 */
public record FetcherSettings(String userAgent, String robotName, Duration minimumGap, Duration maximumCrawlDelay,
        int budget, Duration budgetWindow, Duration connectTimeout, Duration answerTimeout, int maximumRedirects,
        long maximumBytes, Duration maximumRetryAfter, Duration blockedFor, Duration pageTimeToLive,
        Duration searchTimeToLive, int cacheHeapEntries, int cacheDiskMegabytes) {

    /**
     * @throws IllegalArgumentException if a number is out of its range
     */
    public FetcherSettings {
        if (budget < 1 || maximumRedirects < 0 || maximumBytes < 1 || cacheHeapEntries < 1
                || cacheDiskMegabytes < 1) {
            throw new IllegalArgumentException("budget, cache sizes and size limit must be positive, redirects 0 or"
                    + " more: budget " + budget + ", redirects " + maximumRedirects + ", bytes " + maximumBytes
                    + ", heap entries " + cacheHeapEntries + ", disk MB " + cacheDiskMegabytes);
        }
    }

    /**
     * @param version Deckhand's version, for the User-Agent
     * @return the defaults, the same as {@link FetcherConfiguration}'s: 3 s between requests to a host, 20
     *     requests per host in 4 minutes (1001Tracklists blocks at about 100), 10 s to connect, 30 s for an answer,
     *     5 redirects, 5 MiB, Retry-After waited up to 60 s, a captcha blocks the host for an hour, pages kept 30 days
     *     and searches a day, 8 answers of each kind on the heap (a page takes 0.3 to 0.6 MB) and up to 64 MB on disk
     */
    public static FetcherSettings defaults(String version) {
        return new FetcherSettings("Deckhand/" + version + " (self-hosted music server; fetches the tracklists its"
                + " user imports, one page at a time)", "deckhand", Duration.ofSeconds(3), Duration.ofSeconds(60), 20,
                Duration.ofMinutes(4), Duration.ofSeconds(10), Duration.ofSeconds(30), 5, 5L * 1024 * 1024,
                Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofDays(30), Duration.ofDays(1), 8, 64);
    }
}
