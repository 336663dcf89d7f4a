package org.deckhand.analysers.tempo;

/**
 * A track's tempo.
 *
 * @param bpm the tempo, BPM
 * @param confidence the share of the track's windows that agree with it or an octave of it, 0..1
 * @param alternativeBpm the octave alternative, half or double {@code bpm}, BPM
 * @param periodFrames the beat period, onset-signal frames, fractional
 */
record TempoEstimate(double bpm, double confidence, double alternativeBpm, double periodFrames) {
}
