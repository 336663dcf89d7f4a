package org.deckhand.api.notify;

/**
 * How much a message matters, in increasing order. A channel receives the messages at or above its minimum level;
 * {@link #CRITICAL} messages skip the digest window and are sent at once.
 */
public enum Level {

    /** Something happened as it should: tracks added, a scan finished, a mix started. */
    INFO,

    /**
     * Something needs a look but nothing stopped: broken files found, a site blocked the tracklist fetcher, disk space
     * low, sign-ins of an address throttled.
     */
    WARNING,

    /**
     * Something failed: an analyser plugin, a renamer batch, a plugin that would not start, a music folder gone
     * missing, a bundle of the server not active.
     */
    ERROR,

    /** The server cannot do its job: the disk of the data folder or of a music folder nearly full. */
    CRITICAL;

    /**
     * @param minimum a channel's minimum level
     * @return whether a message at this level reaches a channel with that minimum
     */
    public boolean atLeast(Level minimum) {
        return compareTo(minimum) >= 0;
    }
}
