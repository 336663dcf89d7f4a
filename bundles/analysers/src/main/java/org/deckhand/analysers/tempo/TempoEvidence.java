package org.deckhand.analysers.tempo;

/**
 * What the windows of a track say about its tempo: a histogram of the tempo each window chose, on a logarithmic
 * BPM axis, and the generalised autocorrelation summed over the windows, by lag.
 */
final class TempoEvidence {

    /** Histogram bins per octave of tempo. */
    static final int BINS_PER_OCTAVE = 120;
    /** The tempo of the histogram's first bin, BPM. */
    static final double LOWEST_BPM = 20;
    private static final int OCTAVES = 5;
    private static final double VOTE_WIDTH_BINS = 2;

    private final double frameRateHz;
    private final double[] votes = new double[BINS_PER_OCTAVE * OCTAVES];
    private final double[] salienceByLag;
    private int windows;

    /**
     * @param frameRateHz the onset signal's frame rate, Hz
     * @param maxLagFrames the longest lag kept, frames
     */
    TempoEvidence(double frameRateHz, int maxLagFrames) {
        this.frameRateHz = frameRateHz;
        this.salienceByLag = new double[maxLagFrames + 1];
    }

    /**
     * Counts one window's choice, spread over neighbouring bins.
     *
     * @param bpm the tempo the window chose, BPM
     */
    void vote(double bpm) {
        double centre = bin(bpm);
        int first = Math.max(0, (int) Math.floor(centre - 3 * VOTE_WIDTH_BINS));
        int last = Math.min(votes.length - 1, (int) Math.ceil(centre + 3 * VOTE_WIDTH_BINS));
        for (int b = first; b <= last; b++) {
            double z = (b - centre) / VOTE_WIDTH_BINS;
            votes[b] += Math.exp(-0.5 * z * z);
        }
        windows++;
    }

    /**
     * Adds one window's autocorrelation, normalised by its value at lag 0.
     *
     * @param autocorrelation the window's correlation by lag, frames
     */
    void addAutocorrelation(float[] autocorrelation) {
        float zero = autocorrelation[0];
        if (zero <= 0) {
            return;
        }
        int last = Math.min(salienceByLag.length, autocorrelation.length);
        for (int lag = 0; lag < last; lag++) {
            salienceByLag[lag] += autocorrelation[lag] / zero;
        }
    }

    /** @return how many windows voted */
    int windows() {
        return windows;
    }

    /** @return the tempo with the most votes, BPM, refined between bins, or NaN if none voted */
    double mostVotedBpm() {
        int best = -1;
        for (int b = 0; b < votes.length; b++) {
            if (votes[b] > 0 && (best < 0 || votes[b] > votes[best])) {
                best = b;
            }
        }
        if (best < 0) {
            return Double.NaN;
        }
        double offset = 0;
        if (best > 0 && best < votes.length - 1) {
            double left = votes[best - 1];
            double right = votes[best + 1];
            double curvature = left - 2 * votes[best] + right;
            offset = curvature < 0 ? 0.5 * (left - right) / curvature : 0;
        }
        return bpm(best + offset);
    }

    /**
     * @param bpm a tempo, BPM
     * @return the share of windows that chose a tempo within 4 % of it, 0..1
     */
    double voteShare(double bpm) {
        if (windows == 0) {
            return 0;
        }
        double centre = bin(bpm);
        double halfWidth = BINS_PER_OCTAVE * Math.log(1.04) / Math.log(2);
        int first = Math.max(0, (int) Math.ceil(centre - halfWidth));
        int last = Math.min(votes.length - 1, (int) Math.floor(centre + halfWidth));
        double sum = 0;
        for (int b = first; b <= last; b++) {
            sum += votes[b];
        }
        return Math.min(1, sum / (windows * VOTE_WIDTH_BINS * Math.sqrt(2 * Math.PI)));
    }

    /**
     * @param bpm a tempo, BPM
     * @return the mean normalised autocorrelation at that tempo's beat period, the best within 2 % of it
     */
    double salience(double bpm) {
        double lag = 60 * frameRateHz / bpm;
        int first = Math.max(1, (int) Math.floor(lag * 0.98));
        int last = Math.min(salienceByLag.length - 1, (int) Math.ceil(lag * 1.02));
        double best = 0;
        for (int l = first; l <= last; l++) {
            best = Math.max(best, salienceByLag[l]);
        }
        return windows == 0 ? 0 : best / windows;
    }

    private static double bin(double bpm) {
        return BINS_PER_OCTAVE * Math.log(bpm / LOWEST_BPM) / Math.log(2);
    }

    private static double bpm(double bin) {
        return LOWEST_BPM * Math.pow(2, bin / BINS_PER_OCTAVE);
    }
}
