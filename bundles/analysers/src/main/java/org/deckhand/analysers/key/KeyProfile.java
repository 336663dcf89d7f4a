package org.deckhand.analysers.key;

/**
 * Key profiles: how much each pitch class, counted in semitones from the tonic, weighs in a major and in a minor key.
 * A chroma vector is matched against the twelve rotations of both.
 */
public enum KeyProfile {

    /**
     * Krumhansl and Kessler's probe-tone ratings: C. L. Krumhansl, E. J. Kessler, "Tracing the dynamic changes in
     * perceived tonal organization in a spatial representation of musical keys", <i>Psychological Review</i> 89(4),
     * 1982. For comparison.
     */
    KRUMHANSL(new double[] {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88},
            new double[] {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17}),

    /**
     * Temperley's revision of the Krumhansl–Schmuckler profiles: D. Temperley, "What's key for key? The
     * Krumhansl–Schmuckler key-finding algorithm reconsidered", <i>Music Perception</i> 17(1), 1999.
     */
    TEMPERLEY_1999(new double[] {5.0, 2.0, 3.5, 2.0, 4.5, 4.0, 2.0, 4.5, 2.0, 3.5, 1.5, 4.0},
            new double[] {5.0, 2.0, 3.5, 4.5, 2.0, 4.0, 2.0, 4.5, 3.5, 2.0, 1.5, 4.0}),

    /**
     * Pitch-class frequencies in the Kostka–Payne corpus: D. Temperley, <i>Music and Probability</i>, MIT Press 2007,
     * chapter 4.
     */
    TEMPERLEY_2007(new double[] {0.748, 0.060, 0.488, 0.082, 0.670, 0.460, 0.096, 0.715, 0.104, 0.366, 0.057, 0.400},
            new double[] {0.712, 0.084, 0.474, 0.618, 0.049, 0.460, 0.105, 0.747, 0.404, 0.067, 0.133, 0.330}),

    /**
     * EDMA, derived from electronic dance music: Á. Faraldo, E. Gómez, S. Jordà, P. Herrera, "Key estimation in
     * electronic dance music", ECIR 2016.
     */
    EDMA(new double[] {1.0000, 0.2875, 0.5020, 0.4048, 0.6050, 0.5614, 0.3205, 0.7966, 0.3159, 0.4506, 0.4202, 0.3889},
            new double[] {1.0000, 0.3096, 0.4415, 0.5827, 0.3262, 0.4948, 0.2889, 0.7804, 0.4328, 0.2903, 0.5331,
                0.3217}),

    /**
     * EDMM, EDMA tuned by hand for electronic dance music (Faraldo et al. 2016): its major profile is flat,
     * so it never reports a major key, which that music rarely uses.
     */
    EDMM(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
            new double[] {1.0000, 0.2321, 0.4415, 0.6962, 0.3262, 0.4948, 0.2889, 0.7804, 0.4328, 0.2903, 0.5331,
                0.3217});

    private final double[] major;
    private final double[] minor;

    KeyProfile(double[] major, double[] minor) {
        this.major = major;
        this.minor = minor;
    }

    /**
     * @param minorMode whether the minor profile is wanted
     * @return a copy of the profile, twelve weights indexed by semitones above the tonic
     */
    public double[] weights(boolean minorMode) {
        return (minorMode ? minor : major).clone();
    }
}
