package org.deckhand.analysers.loudness;

/**
 * Turns 100 ms steps of K-weighted energy into the two kinds of overlapping blocks of EBU Tech 3341 and 3342: momentary
 * blocks of 400 ms (ITU-R BS.1770-4 gating blocks, 75 % overlap) for the integrated loudness, and short-term blocks of
 * 3 s for the loudness range, both advancing by one step. A block is measured once all its steps are in, so the first
 * momentary block ends at 0.4 s and the first short-term block at 3 s, as in EBU Tech 3341, section 2.5.
 *
 * <p>Keeps only the last {@value #SHORT_TERM_STEPS} steps; the blocks go to two {@link LoudnessHistogram}s.
 */
final class GatingBlocks {

    /** Steps per second: a step lasts 0.1 s. */
    static final int STEPS_PER_SECOND = 10;
    private static final int MOMENTARY_STEPS = 4;
    private static final int SHORT_TERM_STEPS = 30;

    private final double[] stepEnergies = new double[SHORT_TERM_STEPS];
    private final int[] stepSamples = new int[SHORT_TERM_STEPS];
    private final LoudnessHistogram momentary = new LoudnessHistogram();
    private final LoudnessHistogram shortTerm = new LoudnessHistogram();
    private long steps;

    /**
     * Adds the next step.
     *
     * @param sumOfSquares the step's K-weighted sum of squares, summed over channels
     * @param samples how many samples per channel the step holds
     */
    void addStep(double sumOfSquares, int samples) {
        int slot = (int) (steps % SHORT_TERM_STEPS);
        stepEnergies[slot] = sumOfSquares;
        stepSamples[slot] = samples;
        steps++;
        if (steps >= MOMENTARY_STEPS) {
            momentary.add(meanSquareOfLast(MOMENTARY_STEPS));
        }
        if (steps >= SHORT_TERM_STEPS) {
            shortTerm.add(meanSquareOfLast(SHORT_TERM_STEPS));
        }
    }

    /** @return the momentary (400 ms) blocks so far */
    LoudnessHistogram momentary() {
        return momentary;
    }

    /** @return the short-term (3 s) blocks so far */
    LoudnessHistogram shortTerm() {
        return shortTerm;
    }

    private double meanSquareOfLast(int count) {
        double energy = 0;
        long samples = 0;
        for (int back = 1; back <= count; back++) {
            int slot = (int) ((steps - back) % SHORT_TERM_STEPS);
            energy += stepEnergies[slot];
            samples += stepSamples[slot];
        }
        return energy / samples;
    }
}
