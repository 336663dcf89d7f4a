package org.deckhand.analysers.tempo;

/**
 * Finds which beat of a constant grid is beat 1 of a 4/4 bar: the bar phase whose beats carry the most low-band
 * onset energy: kick drums and bass notes fall on the downbeat. Each grid beat contributes the strongest low-band
 * flux within one frame of it.
 */
final class Downbeats {

    /** Beats per bar. */
    static final int BEATS_PER_BAR = 4;

    private Downbeats() {
    }

    /**
     * @param lowFlux the low-band onset signal, one value per frame
     * @param originFrames the grid's beat 0, frames
     * @param periodFrames the grid's period, frames
     * @return the bar phase, 0..3: grid beat {@code k} is a downbeat when {@code floorMod(k - phase, 4) == 0}
     */
    static int phase(float[] lowFlux, double originFrames, double periodFrames) {
        double[] sums = new double[BEATS_PER_BAR];
        long first = (long) Math.ceil(-originFrames / periodFrames);
        for (long k = first; originFrames + k * periodFrames < lowFlux.length; k++) {
            int centre = (int) Math.round(originFrames + k * periodFrames);
            float strongest = 0;
            for (int frame = Math.max(0, centre - 1); frame <= Math.min(lowFlux.length - 1, centre + 1); frame++) {
                strongest = Math.max(strongest, lowFlux[frame]);
            }
            sums[(int) Math.floorMod(k, (long) BEATS_PER_BAR)] += strongest;
        }
        int best = 0;
        for (int phase = 1; phase < BEATS_PER_BAR; phase++) {
            if (sums[phase] > sums[best]) {
                best = phase;
            }
        }
        return best;
    }
}
