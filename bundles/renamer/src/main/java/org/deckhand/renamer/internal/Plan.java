package org.deckhand.renamer.internal;

import java.util.List;

/**
 * What a batch would do: each move with its reason, the tracks whose template gave no valid target, and the counts.
 *
 * @param moves the moves, tracks first, in id order, then sidecar files
 * @param errors the tracks that get no move
 * @param considered how many tracks the plan looked at (those the query selects, or the whole library)
 * @param unchanged how many of them are already where their rule puts them
 * @param unmatched how many match no rule and stay
 * @param conflicts how many moves got a numbered name because another track or file has their name
 */
record Plan(List<PlannedMove> moves, List<Batch.PlanError> errors, long considered, long unchanged, long unmatched,
        long conflicts) {

    Plan {
        moves = List.copyOf(moves);
        errors = List.copyOf(errors);
    }
}
