package org.deckhand.api.tracklist;

import java.net.URI;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A site that tracklists come from, such as 1001Tracklists or MixesDB. Register an implementation as an OSGi service
 * (a bundle or a plugin may add a site): an import of an address goes to the first source that
 * {@link #accepts(URI) accepts} it. A source fetches through the {@link PoliteFetcher} it is given, never with a
 * client of its own.
 */
@ConsumerType
public interface TracklistSource {

    /**
     * @return a short, stable, lower-case id, such as {@code 1001tracklists}, kept with every tracklist it gives
     */
    String id();

    /**
     * @return the site's name for people, such as {@code 1001Tracklists}
     */
    String name();

    /**
     * @param address an address a user gave
     * @return whether this source reads tracklists at that address (by host and path, without fetching)
     */
    boolean accepts(URI address);

    /**
     * Fetches and parses the tracklist at an address.
     *
     * @param address an address this source {@link #accepts(URI) accepts}
     * @param fetcher the server's polite client, through which every request goes
     * @return the tracklist, with at least one entry
     * @throws BlockedBySiteException if the site answered with a captcha or bot check (call
     *     {@link PoliteFetcher#reportBlocked(URI)} first)
     * @throws NotATracklistException if the page is another kind of page of the site
     * @throws LayoutNotRecognisedException if the page's layout is not the one the source knows
     * @throws FetchException if the page could not be fetched
     * @throws TracklistException for any other reason the source cannot give a tracklist, the message saying why
     */
    Tracklist fetch(URI address, PoliteFetcher fetcher) throws TracklistException;
}
