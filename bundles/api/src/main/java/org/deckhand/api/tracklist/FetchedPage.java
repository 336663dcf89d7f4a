package org.deckhand.api.tracklist;

import java.time.Instant;
import java.util.Objects;

/**
 * A page a {@link PoliteFetcher} fetched, or served from its cache.
 *
 * @param address where the page was found: the address asked for, or where its redirects led
 * @param mediaType its media type, lower case, without parameters, such as {@code text/html}
 * @param body its text, decoded with the charset the answer named (UTF-8 when none)
 * @param fetched when it was fetched from the site
 * @param fromCache whether it came from the cache rather than the site
 */
public record FetchedPage(String address, String mediaType, String body, Instant fetched, boolean fromCache) {

    /**
     * @throws NullPointerException if any part is null
     */
    public FetchedPage {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(fetched, "fetched");
    }
}
