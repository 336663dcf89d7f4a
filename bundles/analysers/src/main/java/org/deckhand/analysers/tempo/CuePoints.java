package org.deckhand.analysers.tempo;

import java.util.Arrays;

/**
 * Finds where a track's intro ends and its outro starts, for the mixer and for a DJ reading the waveform: the spans
 * over which the next track can be mixed in and this one mixed out, on downbeats of the beat grid.
 *
 * <p>A bar is at full energy when its mean power lies within {@value #FULL_ENERGY_DB} dB of the loud bars' level (the
 * 90th percentile of bar levels). Dance music is built in phrases of {@value #PHRASE_BARS} bars (32 beats), and a DJ
 * mixes in over the first phrase and out over the last one, as rekordbox's phrase analysis and Mixxx's intro and
 * outro cues mark them. So the intro ends at the first bar at full energy, and never before the end of the first
 * phrase, even in a track that starts at full energy; the outro starts after the last bar at full energy, and never
 * after the start of the last phrase. A phrase is shortened (to 4, 2 or 1 bars) in a track too short to hold four of
 * them.
 *
 * @param introEndSeconds the intro's end, s from the start of the track
 * @param outroStartSeconds the outro's start, s from the start of the track
 */
record CuePoints(double introEndSeconds, double outroStartSeconds) {

    static final double FULL_ENERGY_DB = 4;
    /** Bars in a phrase of a track long enough to hold four. */
    static final int PHRASE_BARS = 8;
    private static final double LOUD_PERCENTILE = 0.9;

    /**
     * @param levelAboveFloorDb the track's level, dB above the floor, one value per {@code framesPerLevel} frames
     * @param framesPerLevel onset frames per level value
     * @param frameSeconds seconds per onset frame
     * @param firstDownbeatFrames the first downbeat, frames; up to a beat before the track's start when its music
     *     starts at once, and then the first bar's level is taken over its part inside the track
     * @param barFrames the length of a bar, frames
     * @return the cue points, or null if the track holds no whole bar
     */
    static CuePoints find(float[] levelAboveFloorDb, int framesPerLevel, double frameSeconds,
            double firstDownbeatFrames, double barFrames) {
        double levelsPerBar = barFrames / framesPerLevel;
        double firstLevel = firstDownbeatFrames / framesPerLevel;
        int bars = (int) Math.floor((levelAboveFloorDb.length - firstLevel) / levelsPerBar);
        if (bars < 1) {
            return null;
        }
        double[] barDb = new double[bars];
        for (int bar = 0; bar < bars; bar++) {
            int from = Math.max(0, (int) Math.round(firstLevel + bar * levelsPerBar));
            int to = Math.min(levelAboveFloorDb.length,
                    Math.max(from + 1, (int) Math.round(firstLevel + (bar + 1) * levelsPerBar)));
            double power = 0;
            for (int i = from; i < to; i++) {
                power += Math.pow(10, levelAboveFloorDb[i] / 10);
            }
            barDb[bar] = 10 * Math.log10(power / (to - from));
        }
        double[] sorted = barDb.clone();
        Arrays.sort(sorted);
        double loud = sorted[(int) Math.floor(LOUD_PERCENTILE * (bars - 1))];
        int firstFull = 0;
        while (barDb[firstFull] < loud - FULL_ENERGY_DB) {
            firstFull++;
        }
        int lastFull = bars - 1;
        while (barDb[lastFull] < loud - FULL_ENERGY_DB) {
            lastFull--;
        }
        int phrase = phraseBars(bars);
        int introBar = Math.max(phrase, firstFull);
        int outroBar = Math.min(bars - phrase, lastFull + 1);
        if (introBar > outroBar) {
            introBar = bars / 2;
            outroBar = bars / 2;
        }
        return new CuePoints((firstDownbeatFrames + introBar * barFrames) * frameSeconds,
                (firstDownbeatFrames + outroBar * barFrames) * frameSeconds);
    }

    /** @return the bars of a phrase in a track of this many bars: 8, or fewer so that four phrases fit */
    static int phraseBars(int bars) {
        int phrase = PHRASE_BARS;
        while (phrase > 1 && 4 * phrase > bars) {
            phrase /= 2;
        }
        return phrase;
    }
}
