package org.deckhand.api.tracklist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored tracklist in a list: what identifies it, without its entries.
 *
 * @param id its id
 * @param title the mix's title, {@code null} when unknown
 * @param djs its DJs
 * @param date the day it was played, {@code null} when unknown
 * @param source the id of its source
 * @param address the page it came from, {@code null} for pasted text
 * @param fetched when it was fetched or parsed
 * @param entries how many entries it has
 * @param matched how many of them are matched to the library
 * @param missing how many of them the library lacks
 * @param recordingTrackId the linked mix recording, {@code null} when none
 */
public record TracklistSummary(long id, String title, List<String> djs, LocalDate date, String source,
        String address, Instant fetched, int entries, int matched, int missing, Long recordingTrackId) {

    /** Copies the list. */
    public TracklistSummary {
        djs = djs == null ? List.of() : List.copyOf(djs);
    }
}
