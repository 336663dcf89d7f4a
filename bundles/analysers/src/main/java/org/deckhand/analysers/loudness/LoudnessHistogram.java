package org.deckhand.analysers.loudness;

/**
 * The gating blocks of a track, kept as a histogram of their loudness in steps of {@value #STEP_LU} LU with each bin's
 * exact energy, so that a two-hour track takes the same {@value #BINS} bins (about 100 KB) as a short one. The gating
 * of ITU-R BS.1770-4, Annex 1, section 5.1 (integrated loudness) and the percentiles of EBU Tech 3342, section 3
 * (loudness range) then run over the bins instead of a list of blocks; a block lying within one step of a gate may fall
 * on the wrong side of it, which moves the results by far less than their 0.1 LU display precision.
 *
 * <p>Blocks are added as measured on the channel sum; an offset (dB) given at evaluation shifts every block's
 * loudness before gating, which lets a track found to be mono after the fact be measured as one channel.
 */
final class LoudnessHistogram {

    /** The absolute gate of BS.1770-4 and Tech 3342 (LUFS). */
    static final double ABSOLUTE_GATE_LUFS = -70;
    /** Width of a bin (LU). */
    static final double STEP_LU = 0.01;
    /** Loudness of the top bin's upper edge (LUFS), above any block of full-scale audio with a mono offset. */
    private static final double TOP_LUFS = 13;
    private static final int BINS = (int) Math.round((TOP_LUFS - ABSOLUTE_GATE_LUFS) / STEP_LU);

    private final int[] counts = new int[BINS];
    private final double[] meanSquareSums = new double[BINS];

    /**
     * Adds one block.
     *
     * @param meanSquare the block's K-weighted mean square, summed over channels (full scale 1.0)
     */
    void add(double meanSquare) {
        double loudness = Lufs.of(meanSquare);
        if (loudness < ABSOLUTE_GATE_LUFS) {
            return;
        }
        int bin = Math.min(BINS - 1, (int) ((loudness - ABSOLUTE_GATE_LUFS) / STEP_LU));
        counts[bin]++;
        meanSquareSums[bin] += meanSquare;
    }

    /**
     * The gated loudness: the loudness of the mean energy of the blocks above the absolute gate and above the
     * relative gate, which lies {@code relativeGateLu} below the mean energy of the blocks above the absolute gate.
     *
     * @param offsetDb added to every block's loudness before gating (dB)
     * @param relativeGateLu how far below the absolutely gated loudness the relative gate lies (LU), 10 for
     *     integrated loudness
     * @return the gated loudness, offset included (LUFS), or NaN when no block passes the gates
     */
    double gatedLoudness(double offsetDb, double relativeGateLu) {
        double gateLufs = relativeGate(offsetDb, relativeGateLu);
        double sum = 0;
        long blocks = 0;
        for (int bin = 0; bin < BINS; bin++) {
            if (counts[bin] > 0 && binLoudness(bin, offsetDb) >= gateLufs) {
                sum += meanSquareSums[bin];
                blocks += counts[bin];
            }
        }
        return blocks == 0 ? Double.NaN : Lufs.of(sum / blocks) + offsetDb;
    }

    /**
     * The spread between two percentiles of the loudness of the blocks that pass both gates, as EBU Tech 3342 defines
     * the loudness range (nearest-rank percentiles).
     *
     * @param offsetDb added to every block's loudness before gating (dB)
     * @param relativeGateLu how far below the absolutely gated loudness the relative gate lies (LU), 20 for the
     *     loudness range
     * @param lowPercentile the lower percentile, 10 for the loudness range
     * @param highPercentile the upper percentile, 95 for the loudness range
     * @return the spread (LU), or NaN when no block passes the gates
     */
    double range(double offsetDb, double relativeGateLu, double lowPercentile, double highPercentile) {
        double gateLufs = relativeGate(offsetDb, relativeGateLu);
        int first = BINS;
        long blocks = 0;
        for (int bin = 0; bin < BINS; bin++) {
            if (counts[bin] > 0 && binLoudness(bin, offsetDb) >= gateLufs) {
                first = Math.min(first, bin);
                blocks += counts[bin];
            }
        }
        if (blocks == 0) {
            return Double.NaN;
        }
        return percentile(first, blocks, highPercentile, offsetDb) - percentile(first, blocks, lowPercentile, offsetDb);
    }

    private double percentile(int firstBin, long blocks, double percentile, double offsetDb) {
        long rank = Math.max(1, (long) Math.ceil(percentile / 100 * blocks));
        long seen = 0;
        int bin = firstBin;
        for (; bin < BINS - 1; bin++) {
            seen += counts[bin];
            if (seen >= rank) {
                break;
            }
        }
        return binLoudness(bin, offsetDb);
    }

    /** @return the relative gate (LUFS), or the absolute gate when it is higher */
    private double relativeGate(double offsetDb, double relativeGateLu) {
        double sum = 0;
        long blocks = 0;
        for (int bin = 0; bin < BINS; bin++) {
            if (counts[bin] > 0 && binLoudness(bin, offsetDb) >= ABSOLUTE_GATE_LUFS) {
                sum += meanSquareSums[bin];
                blocks += counts[bin];
            }
        }
        double relative = blocks == 0 ? Double.POSITIVE_INFINITY : Lufs.of(sum / blocks) + offsetDb - relativeGateLu;
        return Math.max(ABSOLUTE_GATE_LUFS, relative);
    }

    /** @return the loudness of the mean energy of a non-empty bin, offset included (LUFS) */
    private double binLoudness(int bin, double offsetDb) {
        return Lufs.of(meanSquareSums[bin] / counts[bin]) + offsetDb;
    }
}
