package org.deckhand.api.tracklist;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A tracklist as Deckhand keeps it, with the matches of its entries.
 *
 * @param id its id, positive
 * @param tracklist the tracklist
 * @param matches each entry's match, in the order of {@link Tracklist#entries()}
 * @param recordingTrackId the mix recording in the library linked to it, {@code null} when none is
 * @param imported when it was first imported
 */
public record StoredTracklist(long id, Tracklist tracklist, List<EntryMatch> matches, Long recordingTrackId,
        Instant imported) {

    /**
     * @throws IllegalArgumentException if there is not one match per entry
     */
    public StoredTracklist {
        Objects.requireNonNull(tracklist, "tracklist");
        Objects.requireNonNull(imported, "imported");
        matches = List.copyOf(matches);
        if (matches.size() != tracklist.entries().size()) {
            throw new IllegalArgumentException("one match per entry: " + matches.size() + " matches for "
                    + tracklist.entries().size() + " entries");
        }
    }
}
