package org.deckhand.analysers.waveform;

/** How a band's energy becomes the level stored in a waveform point. */
final class BandLevels {

    /** The range of levels shown (dB): a band this far below a full-scale sine or further reads 0. */
    static final double RANGE_DB = 60;

    private BandLevels() {
    }

    /**
     * @param meanSquare the band's mean square over a point (full scale 1.0); a negative one counts as 0
     * @return its level in [0, 1]: 1 for the RMS of a full-scale sine (0 dB), falling linearly in decibels to 0 at
     *     -{@value #RANGE_DB} dB
     */
    static float level(double meanSquare) {
        double db = 10 * Math.log10(2 * Math.max(0, meanSquare));
        return (float) Math.max(0, Math.min(1, 1 + db / RANGE_DB));
    }
}
