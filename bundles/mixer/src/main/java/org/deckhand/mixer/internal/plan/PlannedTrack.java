package org.deckhand.mixer.internal.plan;

import java.util.Set;
import org.deckhand.api.music.CamelotKey;
import org.deckhand.mixer.internal.track.TempoMatch;
import org.deckhand.mixer.internal.track.TrackFacts;

/**
 * One track of a plan, with why it may follow the track before it.
 *
 * @param track the track
 * @param keyRelation how its key relates to the key of the track before; null for the seed
 * @param tempo how its tempo relates to the tempo of the track before; null for the seed
 * @param targetEnergy the energy the curve asked for at this position, or NaN without a curve
 * @param relaxed the constraints relaxed to find it; empty when it meets them all
 */
public record PlannedTrack(TrackFacts track, CamelotKey.Relation keyRelation, TempoMatch tempo,
        double targetEnergy, Set<Relaxation> relaxed) {

    /** Copies the set of relaxations. */
    public PlannedTrack {
        relaxed = Set.copyOf(relaxed);
    }
}
