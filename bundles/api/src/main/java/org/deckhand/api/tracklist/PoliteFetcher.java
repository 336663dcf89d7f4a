package org.deckhand.api.tracklist;

import java.net.URI;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The server's one HTTP client for the sites tracklists come from, lent to every {@link TracklistSource}. It is
 * polite: a User-Agent that names Deckhand, the site's robots.txt honoured (its crawl delay too), at least a few
 * seconds between two requests to one host, a budget of requests per host, timeouts, few redirects, a size limit,
 * and the waits that {@code 429} and {@code 503} answers ask for with {@code Retry-After}. Answers are cached (pages
 * about a month, searches a day), so that a second import of the same address makes no request. A service;
 * thread-safe. A call may block for the seconds the politeness asks.
 */
@ProviderType
public interface PoliteFetcher {

    /**
     * Fetches a page, from the cache when it holds it.
     *
     * @param source the id of the source asking, for messages and per-source figures
     * @param address an {@code http} or {@code https} address
     * @param kind what kind of answer is expected: sets the media types accepted and the time to live in the cache
     * @return the page
     * @throws FetchException if a rule forbids the request, or the site fails, answers with an error status, too
     *     much, too slowly or with another media type; the {@link FetchException#reason() reason} says which
     */
    FetchedPage fetch(String source, URI address, PageKind kind) throws FetchException;

    /**
     * Records that the site answered an address with a captcha or bot check: the answer leaves the cache, and the
     * host gets no request until the blocked period ends (requests fail with {@link FetchException.Reason#BLOCKED}).
     *
     * @param address the address that was answered with a captcha
     */
    void reportBlocked(URI address);

    /**
     * Drops an address's answers from the cache, such as an error the site answered with status 200 (MediaWiki's
     * API does), so that the next fetch asks the site again.
     *
     * @param address the address
     */
    void forget(URI address);

    /**
     * @return the fetcher's figures and its cache's, for {@code GET /api/v1/system}
     */
    FetcherStatistics statistics();
}
