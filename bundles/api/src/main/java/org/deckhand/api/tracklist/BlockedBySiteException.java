package org.deckhand.api.tracklist;

/**
 * The site answered with a captcha or bot check instead of the page. Deckhand does not retry: the source stays
 * marked blocked for a while, and the user opens the page in a browser.
 */
public class BlockedBySiteException extends TracklistException {

    private static final long serialVersionUID = 1L;

    /**
     * @param source the id of the source whose site blocks
     * @param address the page asked for
     */
    public BlockedBySiteException(String source, String address) {
        super(source, address, "Blocked by the site: " + address + " answered with a captcha or bot check instead "
                + "of the tracklist; open the page in a browser, and try again later.");
    }
}
