package org.deckhand.mixer.internal.plan;

/**
 * The constraints a planner relaxes when no track meets them all; the key moves the options allow (same, ±1,
 * relative, and the energy boost only when it is on), the BPM window and "no repeats" (of a track or a copy of its
 * recording) are never relaxed. When even the most relaxed step finds nothing, the plan ends.
 */
public enum Relaxation {
    /** The artist spacing shrinks one track at a time, down to 1: an artist is never heard twice in a row. */
    ARTIST_SPACING
}
