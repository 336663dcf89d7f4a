package org.deckhand.analysers.key;

import java.util.Arrays;

/**
 * Accumulates the harmonic pitch class profile (HPCP) of a track, after Gómez 2006, chapter 3: each spectral peak
 * adds its weight to the pitch classes of the fundamentals it may be a harmonic of (harmonic weighting), and each
 * frame is normalised to a sum of 1 so that loud and quiet passages count alike.
 *
 * <p>The tuning is known only at the end of the track, so the weights go into a fine circular histogram of pitch
 * positions, {@value #BINS_PER_SEMITONE} bins per semitone, C at 0 with A4 = 440 Hz. {@link #chroma(double)} then
 * folds it into twelve pitch classes centred on the estimated tuning with Gómez's cos² weighting window, four
 * thirds of a semitone wide; the window is linear in the weights, so folding at the end equals weighting each peak.
 *
 * <p>Peaks are weighted by their amplitude, not Gómez's squared amplitude: it measured better on the development set,
 * where the energy lets the bass and the loudest instrument drown the harmony.
 */
final class PitchClassHistogram {

    /** Resolution of the fine histogram. */
    static final int BINS_PER_SEMITONE = 10;

    private static final int PITCH_CLASSES = 12;
    private static final int BINS = PITCH_CLASSES * BINS_PER_SEMITONE;
    private static final double SEMITONES_C_BELOW_A = 9.0;
    private static final double WINDOW_HALF_WIDTH_SEMITONES = 2.0 / 3.0;

    private final double[] harmonicOffsetSemitones;
    private final double[] harmonicWeights;
    private final double[] frameBins = new double[BINS];
    private final double[] trackBins = new double[BINS];
    private int framesAdded;

    /**
     * @param harmonics how many harmonics a peak may be: 1 to count each peak at its own pitch only
     * @param harmonicDecay the weight of each further harmonic relative to the one below, such as 0.6
     */
    PitchClassHistogram(int harmonics, double harmonicDecay) {
        harmonicOffsetSemitones = new double[harmonics];
        harmonicWeights = new double[harmonics];
        for (int h = 0; h < harmonics; h++) {
            harmonicOffsetSemitones[h] = PITCH_CLASSES * Math.log(h + 1.0) / Math.log(2);
            harmonicWeights[h] = Math.pow(harmonicDecay, h);
        }
    }

    /**
     * Adds one peak of the current frame.
     *
     * @param semitonesFromA4 the peak's pitch in semitones from A4 = 440 Hz, fractional
     * @param weight how much the peak counts, such as its amplitude
     */
    void addPeak(double semitonesFromA4, double weight) {
        double fromC = semitonesFromA4 + SEMITONES_C_BELOW_A;
        for (int h = 0; h < harmonicWeights.length; h++) {
            double position = (fromC - harmonicOffsetSemitones[h]) * BINS_PER_SEMITONE;
            double wrapped = position - BINS * Math.floor(position / BINS);
            int lower = (int) wrapped;
            double upperShare = wrapped - lower;
            double weighted = weight * harmonicWeights[h];
            frameBins[lower % BINS] += weighted * (1 - upperShare);
            frameBins[(lower + 1) % BINS] += weighted * upperShare;
        }
    }

    /** Ends the current frame: adds its normalised histogram to the track's. A frame without peaks adds nothing. */
    void endFrame() {
        double total = 0;
        for (double bin : frameBins) {
            total += bin;
        }
        if (total > 0) {
            for (int b = 0; b < BINS; b++) {
                trackBins[b] += frameBins[b] / total;
            }
            framesAdded++;
        }
        Arrays.fill(frameBins, 0);
    }

    /** @return how many frames with peaks were added */
    int framesAdded() {
        return framesAdded;
    }

    /**
     * @param tuningOffsetSemitones the tuning's offset from A4 = 440 Hz, in semitones, from -0.5 to 0.5
     * @return the track's chroma: twelve pitch-class weights, C first, normalised to a maximum of 1; all zero when
     *     no frame was added
     */
    double[] chroma(double tuningOffsetSemitones) {
        double[] chroma = new double[PITCH_CLASSES];
        for (int b = 0; b < BINS; b++) {
            if (trackBins[b] == 0) {
                continue;
            }
            double binSemitones = (double) b / BINS_PER_SEMITONE - tuningOffsetSemitones;
            int nearest = (int) Math.round(binSemitones);
            for (int pitchClass = nearest - 1; pitchClass <= nearest + 1; pitchClass++) {
                double distance = Math.abs(binSemitones - pitchClass);
                if (distance < WINDOW_HALF_WIDTH_SEMITONES) {
                    double weight = Math.cos(Math.PI / 2 * distance / WINDOW_HALF_WIDTH_SEMITONES);
                    chroma[Math.floorMod(pitchClass, PITCH_CLASSES)] += weight * weight * trackBins[b];
                }
            }
        }
        double max = Arrays.stream(chroma).max().orElse(0);
        if (max > 0) {
            for (int p = 0; p < PITCH_CLASSES; p++) {
                chroma[p] /= max;
            }
        }
        return chroma;
    }
}
