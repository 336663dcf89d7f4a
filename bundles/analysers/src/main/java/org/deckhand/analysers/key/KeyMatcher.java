package org.deckhand.analysers.key;

import java.util.Optional;
import org.deckhand.api.music.CamelotKey;

/**
 * Finds the key whose profile best matches a chroma vector: the Pearson correlation of the chroma with each of the
 * 24 rotations of the major and minor profiles, the largest wins (Krumhansl–Schmuckler; Gómez 2006, chapter 4;
 * Temperley 1999).
 */
final class KeyMatcher {

    private static final int PITCH_CLASSES = 12;
    private static final double FLAT_NORM = 1e-9;

    private final double[][] centredProfiles;
    private final double[] profileNorms;

    /** @param profile the key profiles to match against */
    KeyMatcher(KeyProfile profile) {
        centredProfiles = new double[][] {centred(profile.weights(false)), centred(profile.weights(true))};
        profileNorms = new double[] {norm(centredProfiles[0]), norm(centredProfiles[1])};
    }

    /**
     * @param chroma twelve pitch-class weights, C first
     * @return the best key with its correlation, or empty when the chroma is flat
     */
    Optional<KeyMatch> match(double[] chroma) {
        double[] centredChroma = centred(chroma);
        double chromaNorm = norm(centredChroma);
        if (chromaNorm < FLAT_NORM) {
            return Optional.empty();
        }
        CamelotKey best = null;
        double bestCorrelation = Double.NEGATIVE_INFINITY;
        for (int mode = 0; mode < 2; mode++) {
            if (profileNorms[mode] < FLAT_NORM) {
                continue;
            }
            for (int tonic = 0; tonic < PITCH_CLASSES; tonic++) {
                double product = 0;
                for (int degree = 0; degree < PITCH_CLASSES; degree++) {
                    product += centredProfiles[mode][degree] * centredChroma[(tonic + degree) % PITCH_CLASSES];
                }
                double correlation = product / (profileNorms[mode] * chromaNorm);
                if (correlation > bestCorrelation) {
                    bestCorrelation = correlation;
                    best = CamelotKey.ofPitchClass(tonic, mode == 1);
                }
            }
        }
        return Optional.of(new KeyMatch(best, bestCorrelation));
    }

    private static double[] centred(double[] values) {
        double mean = 0;
        for (double value : values) {
            mean += value / values.length;
        }
        double[] centred = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            centred[i] = values[i] - mean;
        }
        return centred;
    }

    private static double norm(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }

    /**
     * The outcome of a match.
     *
     * @param key the best-matching key
     * @param correlation its Pearson correlation with the chroma, -1 to 1
     */
    record KeyMatch(CamelotKey key, double correlation) {
    }
}
