package org.deckhand.api.music;

/**
 * A track's beat grid in 4/4 as the beat grid analyser finds it
 * ({@link org.deckhand.api.library.BuiltInAnalysers#BEATGRID}): bars start at the first downbeat and every four beats
 * after it.
 *
 * @param firstDownbeatSeconds when the first bar starts, seconds from the start of the track
 * @param beatPeriodSeconds the time between two beats, seconds
 * @param confidence how well the beats fit the grid, 0 (poorly) to 1 (all of them)
 * @param variableTempo whether the tempo drifts, so that a constant grid does not hold across the track
 * @param introEndSeconds where the intro ends (the first downbeat at full energy), seconds, or NaN when unknown
 * @param outroStartSeconds where the outro starts (the downbeat ending the last bar at full energy), seconds, or NaN
 *     when unknown
 */
public record BeatGrid(double firstDownbeatSeconds, double beatPeriodSeconds, double confidence,
        boolean variableTempo, double introEndSeconds, double outroStartSeconds) {

    /** Beats in a bar: the grid assumes 4/4. */
    public static final int BEATS_PER_BAR = 4;

    /**
     * @throws IllegalArgumentException if the first downbeat is negative or not a number, or the beat period is not
     *     positive
     */
    public BeatGrid {
        if (!(firstDownbeatSeconds >= 0) || !(beatPeriodSeconds > 0)) {
            throw new IllegalArgumentException("a beat grid needs a first downbeat >= 0 s and a beat period > 0 s: "
                    + firstDownbeatSeconds + " s, " + beatPeriodSeconds + " s");
        }
    }

    /** @return the length of a bar, seconds */
    public double barSeconds() {
        return BEATS_PER_BAR * beatPeriodSeconds;
    }

    /** @return the grid's tempo, beats per minute */
    public double bpm() {
        return 60 / beatPeriodSeconds;
    }

    /**
     * @param seconds a time in the track, seconds
     * @return the first downbeat at or after that time (the first downbeat for times before it), seconds
     */
    public double downbeatAtOrAfter(double seconds) {
        double bars = Math.ceil((seconds - firstDownbeatSeconds) / barSeconds() - 1e-9);
        return firstDownbeatSeconds + Math.max(0, bars) * barSeconds();
    }

    /**
     * @param seconds a time in the track, seconds
     * @return the last downbeat at or before that time, or the first downbeat for times before it, seconds
     */
    public double downbeatAtOrBefore(double seconds) {
        double bars = Math.floor((seconds - firstDownbeatSeconds) / barSeconds() + 1e-9);
        return firstDownbeatSeconds + Math.max(0, bars) * barSeconds();
    }
}
