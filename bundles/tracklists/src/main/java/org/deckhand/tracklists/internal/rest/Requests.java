package org.deckhand.tracklists.internal.rest;

/** The JSON bodies the tracklists API accepts. */
public final class Requests {

    private Requests() {
    }

    /**
     * An import: an address, pasted text with an optional title, or the CUE sheet beside a mix recording.
     *
     * @param address a 1001Tracklists or MixesDB page (or a plugin site's)
     * @param text a tracklist as text, one track a line
     * @param title the mix's title, for text
     * @param cueBesideTrackId a mix recording's track id: its tracklist is the CUE sheet beside its file, and the
     *     two are linked
     */
    public record ImportRequest(String address, String text, String title, Long cueBesideTrackId) {
    }

    /**
     * A match the user sets.
     *
     * @param trackId the track of the library the entry is; absent or null with {@code missing} false to let the
     *     matcher decide again
     * @param missing true to say the library lacks the entry
     */
    public record MatchRequest(Long trackId, Boolean missing) {
    }

    /** @param tracklistId the tracklist a mix recording plays */
    public record LinkRequest(Long tracklistId) {
    }
}
