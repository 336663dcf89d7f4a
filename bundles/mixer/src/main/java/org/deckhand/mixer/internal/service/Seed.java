package org.deckhand.mixer.internal.service;

import java.util.List;

/**
 * What a mix starts from: exactly one of a search query (the mix starts with its first hit and draws on its hits), one
 * track (drawing on the whole library), a list of tracks (the first starts, the others are put in order) or a crate
 * (a smart crate as its query, a hand-made one as its list of tracks).
 *
 * @param query a search in the library's query language, such as {@code genre:techno bpm:120..130}
 * @param trackId a track's id
 * @param trackIds tracks' ids, at most 500 (as many as a plan holds)
 * @param crateId a crate's id
 */
public record Seed(String query, String trackId, List<String> trackIds, String crateId) {

    /** Copies the list. */
    public Seed {
        trackIds = trackIds == null ? null : List.copyOf(trackIds);
    }

    /** A seed of one of the first three forms, without a crate. */
    public Seed(String query, String trackId, List<String> trackIds) {
        this(query, trackId, trackIds, null);
    }

    /** @return the seed as text, which seeds the planner's tie-breaks: the same seed gives the same plan */
    public String describe() {
        if (query != null) {
            return "query " + query;
        }
        if (trackId != null) {
            return "track " + trackId;
        }
        if (trackIds != null) {
            return "tracks " + trackIds;
        }
        return "crate " + crateId;
    }
}
