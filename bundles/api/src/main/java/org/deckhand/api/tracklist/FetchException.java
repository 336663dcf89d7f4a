package org.deckhand.api.tracklist;

/** The {@link PoliteFetcher} could not, or would not, fetch a page; {@link #reason()} says which rule or failure. */
public class FetchException extends TracklistException {

    private static final long serialVersionUID = 1L;

    /** Why a fetch failed. */
    public enum Reason {
        /** The site's robots.txt disallows the address for Deckhand's User-Agent. */
        ROBOTS_DISALLOWED,
        /** Deckhand's request budget for the host is spent for now; the message says when it refills. */
        BUDGET_EXHAUSTED,
        /** The site answered 429 or 503 and asks to wait ({@code Retry-After}) longer than Deckhand waits. */
        RATE_LIMITED,
        /** The host is marked blocked after a captcha. */
        BLOCKED,
        /** The answer is larger than the size limit. */
        TOO_LARGE,
        /** The answer's media type is not one the request accepts. */
        UNSUPPORTED_TYPE,
        /** Redirects went on past the limit, or in a loop. */
        TOO_MANY_REDIRECTS,
        /** The site did not answer in time. */
        TIMEOUT,
        /** The site answered with an error status, such as 404. */
        HTTP_STATUS,
        /** The connection failed. */
        NETWORK,
        /** The address is not an http or https address. */
        BAD_ADDRESS
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param source the id of the source that asked, or {@code fetcher}
     * @param address the address
     * @param message what went wrong, naming the address
     */
    public FetchException(Reason reason, String source, String address, String message) {
        super(source, address, message);
        this.reason = reason;
    }

    /**
     * @param reason why
     * @param source the id of the source that asked
     * @param address the address
     * @param message what went wrong, naming the address
     * @param cause the underlying failure
     */
    public FetchException(Reason reason, String source, String address, String message, Throwable cause) {
        super(source, address, message, cause);
        this.reason = reason;
    }

    /**
     * @return why the fetch failed
     */
    public Reason reason() {
        return reason;
    }
}
