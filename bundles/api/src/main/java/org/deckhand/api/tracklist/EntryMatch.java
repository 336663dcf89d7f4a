package org.deckhand.api.tracklist;

import java.util.List;
import java.util.Objects;

/**
 * How one entry of a tracklist matches the library.
 *
 * @param state matched, ambiguous, missing or unmatchable
 * @param trackId the matched track's catalog id, {@code null} unless {@link MatchState#MATCHED}
 * @param confidence the confidence of the match or of the best candidate, 0 to 1; 1 for a confirmed match; 0 when
 *     missing or unmatchable
 * @param confirmed whether the user chose or confirmed it; a confirmed match is kept when the tracklist is matched
 *     again
 * @param candidates the closest tracks, best first, at most a few; for {@link MatchState#AMBIGUOUS} the ones to
 *     choose from
 */
public record EntryMatch(MatchState state, Long trackId, double confidence, boolean confirmed,
        List<MatchCandidate> candidates) {

    /** An entry that names no track. */
    public static final EntryMatch UNMATCHABLE = new EntryMatch(MatchState.UNMATCHABLE, null, 0, false, List.of());

    /**
     * @throws NullPointerException if {@code state} is null
     * @throws IllegalArgumentException if a matched entry has no track, or another has one
     */
    public EntryMatch {
        Objects.requireNonNull(state, "state");
        if ((state == MatchState.MATCHED) != (trackId != null)) {
            throw new IllegalArgumentException("a matched entry, and only a matched one, names its track: "
                    + state + " " + trackId);
        }
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /**
     * @param trackId the track the user chose
     * @return a confirmed match to that track
     */
    public static EntryMatch confirmed(long trackId) {
        return new EntryMatch(MatchState.MATCHED, trackId, 1.0, true, List.of());
    }

    /**
     * @return a confirmed statement that the library does not hold the entry
     */
    public static EntryMatch confirmedMissing() {
        return new EntryMatch(MatchState.MISSING, null, 0, true, List.of());
    }
}
