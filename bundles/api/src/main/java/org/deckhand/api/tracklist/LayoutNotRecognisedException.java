package org.deckhand.api.tracklist;

/**
 * The page came from the site but its layout is not the one the source knows: its selectors match nothing, or a
 * required part (title, rows) is missing. Never an empty tracklist instead. The mend is usually a new selector in
 * the source's configuration.
 */
public class LayoutNotRecognisedException extends TracklistException {

    private static final long serialVersionUID = 1L;

    /**
     * @param source the id of the source whose layout changed
     * @param address the page
     * @param what what is missing, such as {@code no row matches the selector "div.tlpItem"}
     */
    public LayoutNotRecognisedException(String source, String address, String what) {
        super(source, address, "The layout of " + address + " is not recognised by the " + source
                + " source: " + what + ". The site may have changed; its selectors are in the source's settings.");
    }
}
