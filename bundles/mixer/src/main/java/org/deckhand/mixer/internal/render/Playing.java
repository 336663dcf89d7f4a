package org.deckhand.mixer.internal.render;

import org.deckhand.mixer.internal.track.TrackFacts;

/**
 * The state of the track playing, as the design of its fade-out needs it.
 *
 * @param track the track
 * @param positionFrame the frame of the track (its own timeline) playing now
 * @param settledFrame the frame of the track from which its tempo stops changing (at most {@code positionFrame}
 *     once it has)
 * @param settledTempo the tempo it plays at from then on, frames of the track per frame of the mix
 */
record Playing(TrackFacts track, double positionFrame, double settledFrame, double settledTempo) {
}
