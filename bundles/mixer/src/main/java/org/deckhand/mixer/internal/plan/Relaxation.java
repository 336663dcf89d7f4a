package org.deckhand.mixer.internal.plan;

/**
 * The constraints a planner relaxes when no track meets them all, in this order; the key window (same, ±1,
 * relative), the BPM window and "no repeats" are never relaxed. When even the most relaxed step finds nothing, the
 * plan ends.
 */
public enum Relaxation {
    /** First, the "energy boost" key move (two steps up the wheel) is allowed, when the options did not allow it. */
    ENERGY_BOOST,
    /** Then the artist spacing shrinks one track at a time, down to 1: an artist is never heard twice in a row. */
    ARTIST_SPACING
}
