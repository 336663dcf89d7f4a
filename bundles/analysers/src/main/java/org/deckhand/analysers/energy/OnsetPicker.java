package org.deckhand.analysers.energy;

/**
 * Picks onsets from a spectral-flux curve, frame by frame, with the adaptive peak picking of S. Dixon, "Onset Detection
 * Revisited", DAFx 2006: a frame is an onset when its flux is the largest within {@value #HALF_WIDTH} frames
 * either side and exceeds the mean over the frames around it ({@value #MEAN_BEFORE} before to {@value #HALF_WIDTH}
 * after) by {@value #THRESHOLD_RATIO} times that mean plus a small floor, so soft passages still show their onsets.
 * Decides each frame {@value #HALF_WIDTH} frames late; keeps only a short ring of flux values.
 */
final class OnsetPicker {

    private static final int HALF_WIDTH = 3;
    private static final int MEAN_BEFORE = 9;
    private static final int SPAN = MEAN_BEFORE + 1 + HALF_WIDTH;
    private static final double THRESHOLD_RATIO = 0.5;
    private static final double FLOOR = 5;

    private final double[] ring = new double[SPAN];
    private int newest = -1;
    private long frames;

    /**
     * Adds the flux of the next frame.
     *
     * @param flux the frame's spectral flux, not negative
     * @return whether the frame {@value #HALF_WIDTH} frames back is an onset
     */
    boolean add(double flux) {
        newest = newest == SPAN - 1 ? 0 : newest + 1;
        ring[newest] = flux;
        frames++;
        if (frames < SPAN) {
            return false;
        }
        double value = ring[(newest - HALF_WIDTH + SPAN) % SPAN];
        double sum = 0;
        int index = newest;
        for (int back = 0; back < SPAN; back++) {
            double other = ring[index];
            sum += other;
            if (back != HALF_WIDTH && back <= 2 * HALF_WIDTH && other >= value) {
                return false;
            }
            index = index == 0 ? SPAN - 1 : index - 1;
        }
        double mean = sum / SPAN;
        return value > mean * (1 + THRESHOLD_RATIO) + FLOOR;
    }
}
