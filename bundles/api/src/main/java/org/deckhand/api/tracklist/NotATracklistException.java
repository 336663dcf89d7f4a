package org.deckhand.api.tracklist;

/** The address names a page of the site that is not a tracklist, such as a single track's page or a search. */
public class NotATracklistException extends TracklistException {

    private static final long serialVersionUID = 1L;

    /**
     * @param source the id of the source
     * @param address the page
     * @param what what the page is instead, such as {@code a track page}
     */
    public NotATracklistException(String source, String address, String what) {
        super(source, address, address + " is not a tracklist page: it is " + what + ".");
    }
}
