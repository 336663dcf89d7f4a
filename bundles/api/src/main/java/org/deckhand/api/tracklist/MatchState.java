package org.deckhand.api.tracklist;

/** How a tracklist's entry stands against the library. */
public enum MatchState {

    /** One track of the library is this entry (found with enough confidence, or confirmed by the user). */
    MATCHED,

    /** Several tracks of the library come close and none stands out: the candidates say which. */
    AMBIGUOUS,

    /** No track of the library is this entry: one the user still needs. */
    MISSING,

    /** The entry names no track to look for: a gap, a filler, an unidentified track. */
    UNMATCHABLE
}
