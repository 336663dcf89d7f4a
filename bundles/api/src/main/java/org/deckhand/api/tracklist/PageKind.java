package org.deckhand.api.tracklist;

import java.util.Set;

/**
 * What kind of answer a fetch asks for: it sets the media types accepted and how long the cache keeps the answer.
 */
public enum PageKind {

    /** A tracklist page: {@code text/html}, kept about a month. */
    TRACKLIST_PAGE(Set.of("text/html", "application/xhtml+xml"), 30L * 24 * 3600),

    /** A site's search results: {@code text/html} or JSON, kept a day. */
    SEARCH(Set.of("text/html", "application/xhtml+xml", "application/json"), 24L * 3600),

    /** A wiki API's answer (MediaWiki {@code api.php}): JSON, kept about a month. */
    API(Set.of("application/json"), 30L * 24 * 3600);

    private final Set<String> mediaTypes;
    private final long timeToLiveSeconds;

    PageKind(Set<String> mediaTypes, long timeToLiveSeconds) {
        this.mediaTypes = mediaTypes;
        this.timeToLiveSeconds = timeToLiveSeconds;
    }

    /**
     * @return the media types accepted, lower case, without parameters
     */
    public Set<String> mediaTypes() {
        return mediaTypes;
    }

    /**
     * @return how long the cache keeps an answer of this kind, in seconds, by default
     */
    public long timeToLiveSeconds() {
        return timeToLiveSeconds;
    }
}
