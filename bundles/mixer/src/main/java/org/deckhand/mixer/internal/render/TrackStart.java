package org.deckhand.mixer.internal.render;

import org.deckhand.mixer.internal.track.TrackFacts;

/**
 * Where a track enters the rendered mix: for tracklists, CUE sheets and now-playing titles.
 *
 * @param track the track
 * @param fadeInStartFrame the mix's frame where its fade-in starts (0 for the first track)
 * @param fadeInEndFrame the mix's frame where it plays alone
 * @param beatMatched whether it was beat-matched into the track before, rather than plainly crossfaded
 */
public record TrackStart(TrackFacts track, long fadeInStartFrame, long fadeInEndFrame, boolean beatMatched) {
}
