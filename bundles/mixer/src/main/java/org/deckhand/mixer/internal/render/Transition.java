package org.deckhand.mixer.internal.render;

/**
 * How one track is mixed into the next, worked out by the {@link TransitionDesigner} before the fade begins.
 *
 * @param beatMatched whether the incoming track is time-stretched and beat-aligned, rather than plainly crossfaded
 * @param fadeStartFrame the frame of the outgoing track (its own timeline) where the fade starts: a downbeat when
 *     beat-matched
 * @param fadeFrames how long the fade lasts, frames of the mix
 * @param cueFrame the frame of the incoming track that plays at the fade's start: a downbeat when beat-matched
 * @param incomingTempo how fast the incoming track plays from the fade's start on
 * @param bassSwapStartFrame where the low bands start to swap, frames of the mix from the fade's start
 * @param bassSwapFrames how long the swap lasts, frames of the mix; 0 when the low bands fade with the rest
 */
public record Transition(boolean beatMatched, double fadeStartFrame, long fadeFrames, long cueFrame,
        TempoCurve incomingTempo, long bassSwapStartFrame, long bassSwapFrames) {
}
