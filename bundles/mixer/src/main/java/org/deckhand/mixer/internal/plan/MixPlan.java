package org.deckhand.mixer.internal.plan;

import java.util.List;

/**
 * A planned mix: the seed, then each track to mix into, in order.
 *
 * @param tracks the planned tracks, the seed first
 * @param endReason why the last attempt to extend it found no track that may follow, even relaxed (such as "none
 *     of the 12 tracks left is within ±6 % of 124.0 BPM"); null when it holds every track asked for
 */
public record MixPlan(List<PlannedTrack> tracks, String endReason) {

    /** Copies the list. */
    public MixPlan {
        tracks = List.copyOf(tracks);
    }

    /** @return whether the last attempt to extend it found no track that may follow, even relaxed */
    public boolean exhausted() {
        return endReason != null;
    }

    /** @return the track the plan ends with */
    public PlannedTrack last() {
        return tracks.get(tracks.size() - 1);
    }
}
