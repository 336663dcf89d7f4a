package org.deckhand.tracklists.internal.match;

import java.util.List;
import org.deckhand.api.tracklist.TracklistEntry;

/** Finds the tracks of the library that may be an entry: a cheap first cut, which the matcher then scores. */
@FunctionalInterface
public interface CandidateFinder {

    /**
     * @param entry a matchable entry
     * @return tracks that share a word of artist or title with it, at most a few dozen, in no particular order
     */
    List<LibraryTrack> candidates(TracklistEntry entry);
}
