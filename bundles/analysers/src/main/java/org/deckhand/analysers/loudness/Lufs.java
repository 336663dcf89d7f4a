package org.deckhand.analysers.loudness;

/** The loudness of a K-weighted mean square, ITU-R BS.1770-4, Annex 1, equation (2). */
final class Lufs {

    private Lufs() {
    }

    /**
     * @param meanSquare K-weighted mean square summed over channels with their weights (full scale 1.0)
     * @return its loudness (LUFS); negative infinity for silence
     */
    static double of(double meanSquare) {
        return -0.691 + 10 * Math.log10(meanSquare);
    }
}
