package org.deckhand.analysers.tempo;

/**
 * A track's constant beat grid and cue points.
 *
 * @param firstDownbeatSeconds the first downbeat at or after the music starts, s
 * @param beatPeriodSeconds the time between two beats, s
 * @param confidence the share of the tracked beats' onset strength that lies on the grid, 0..1
 * @param variableTempo whether the tracked beats drift away from a constant grid
 * @param introEndSeconds the intro's end, a downbeat ({@link CuePoints}), s
 * @param outroStartSeconds the outro's start, a downbeat ({@link CuePoints}), s
 */
record BeatGrid(double firstDownbeatSeconds, double beatPeriodSeconds, double confidence, boolean variableTempo,
        double introEndSeconds, double outroStartSeconds) {

    /** @return the grid's tempo, BPM */
    double bpm() {
        return 60 / beatPeriodSeconds;
    }
}
