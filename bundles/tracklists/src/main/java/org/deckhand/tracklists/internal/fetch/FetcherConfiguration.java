package org.deckhand.tracklists.internal.fetch;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The polite fetcher's settings, configuration PID {@code org.deckhand.tracklists}. */
@ObjectClassDefinition(name = "Tracklists: fetching",
        description = "How politely Deckhand fetches tracklist pages from 1001Tracklists, MixesDB and the sites that "
                + "plugins add, and how long it keeps them. robots.txt is always honoured, its Crawl-delay too.")
public @interface FetcherConfiguration {

    /** The configuration PID. */
    String PID = "org.deckhand.tracklists";

    @AttributeDefinition(name = "Seconds between requests", description = "The least time between two requests to "
            + "one site, counted from the previous answer; a robots.txt Crawl-delay may ask more.")
    double minimumGapSeconds() default 3;

    @AttributeDefinition(name = "Longest crawl delay", description = "The longest robots.txt Crawl-delay honoured, "
            + "in seconds.")
    int maximumCrawlDelaySeconds() default 60;

    @AttributeDefinition(name = "Requests per site", description = "The most requests to one site within the "
            + "budget's window. 1001Tracklists blocks an address after about 100 requests in 4 minutes.")
    int budget() default 20;

    @AttributeDefinition(name = "Budget window", description = "The budget's sliding window, in seconds.")
    int budgetWindowSeconds() default 240;

    @AttributeDefinition(name = "Connect timeout", description = "Seconds to wait for a connection.")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(name = "Answer timeout", description = "Seconds to wait for a whole answer.")
    int answerTimeoutSeconds() default 30;

    @AttributeDefinition(name = "Redirects", description = "The most redirects followed for one page.")
    int maximumRedirects() default 5;

    @AttributeDefinition(name = "Largest page", description = "The largest answer accepted, in megabytes.")
    int maximumMegabytes() default 5;

    @AttributeDefinition(name = "Longest Retry-After", description = "The longest wait a site may ask with a 429 "
            + "or 503 answer's Retry-After, in seconds, that Deckhand waits out; a longer one fails the import.")
    int maximumRetryAfterSeconds() default 60;

    @AttributeDefinition(name = "Blocked for", description = "Minutes no request goes to a site that answered "
            + "with a captcha or bot check.")
    int blockedMinutes() default 60;

    @AttributeDefinition(name = "Pages kept", description = "Days the cache keeps tracklist pages and wiki answers.")
    int pageTimeToLiveDays() default 30;

    @AttributeDefinition(name = "Searches kept", description = "Hours the cache keeps search results.")
    int searchTimeToLiveHours() default 24;

    @AttributeDefinition(name = "Pages on the heap", description = "Answers of each kind (pages, searches, wiki "
            + "answers) the cache keeps in memory besides the disk. A 1001Tracklists page takes 0.3 to 0.6 MB of heap.")
    int cacheHeapEntries() default 8;

    @AttributeDefinition(name = "Cache on disk", description = "The most megabytes the cache keeps in the data "
            + "folder (DATA/tracklists/cache).")
    int cacheDiskMegabytes() default 64;
}
