package org.deckhand.mixer.internal.plan;

import java.util.List;

/**
 * A planned mix: the seed, then each track to mix into, in order.
 *
 * @param tracks the planned tracks, the seed first
 * @param exhausted whether the last attempt to extend it found no track that may follow, even relaxed
 */
public record MixPlan(List<PlannedTrack> tracks, boolean exhausted) {

    /** Copies the list. */
    public MixPlan {
        tracks = List.copyOf(tracks);
    }

    /** @return the track the plan ends with */
    public PlannedTrack last() {
        return tracks.get(tracks.size() - 1);
    }
}
