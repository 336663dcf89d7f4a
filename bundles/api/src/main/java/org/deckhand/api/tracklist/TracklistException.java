package org.deckhand.api.tracklist;

/**
 * A tracklist could not be had from a source; the message says why, naming the source and the address. The
 * subclasses say which of the known reasons it is.
 */
public class TracklistException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String address;

    /**
     * @param source the {@link TracklistSource#id() id} of the source concerned, such as {@code 1001tracklists}
     * @param address the address asked for, or {@code null} for pasted text
     * @param message what went wrong
     */
    public TracklistException(String source, String address, String message) {
        super(message);
        this.source = source;
        this.address = address;
    }

    /**
     * @param source the id of the source concerned
     * @param address the address asked for, or {@code null}
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public TracklistException(String source, String address, String message, Throwable cause) {
        super(message, cause);
        this.source = source;
        this.address = address;
    }

    /**
     * @return the id of the source concerned
     */
    public String source() {
        return source;
    }

    /**
     * @return the address asked for, or {@code null} for pasted text
     */
    public String address() {
        return address;
    }
}
