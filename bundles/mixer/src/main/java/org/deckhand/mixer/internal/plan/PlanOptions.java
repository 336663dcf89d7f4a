package org.deckhand.mixer.internal.plan;

/**
 * What a planned mix must respect and prefer.
 *
 * @param bpmWindowPercent the largest tempo difference from one track to the next, per cent of the playing track's
 *     BPM (0.5 to 50; 6 by default)
 * @param halfDoubleTime whether a track at half or double the tempo may follow (64 or 256 BPM after 128)
 * @param energyBoost whether the "energy boost" key move (two steps up the Camelot wheel) is allowed; when it is
 *     not, no relaxation allows it
 * @param artistSpacing how many tracks must separate two tracks that share an artist (0 to allow back-to-back; 3 by
 *     default: an artist heard at position 5 may return at position 9)
 * @param energyCurve the energy to follow over the mix, or null to keep the energy of the track before
 * @param seed the seed of the tie-breaks: the same seed, pool and options give the same plan
 * @param relax whether to relax the constraints, in the order {@link Relaxation} lists, when no track meets them,
 *     instead of ending the plan
 */
public record PlanOptions(double bpmWindowPercent, boolean halfDoubleTime, boolean energyBoost, int artistSpacing,
        EnergyCurve energyCurve, long seed, boolean relax) {

    /** A window of ±6 %, same time only, no energy boost, 3 tracks between an artist's tracks, no curve, seed 0. */
    public static final PlanOptions DEFAULTS = new PlanOptions(6, false, false, 3, null, 0, true);

    /**
     * @throws IllegalArgumentException if the BPM window lies outside 0.5..50 or the artist spacing is negative
     */
    public PlanOptions {
        if (!(bpmWindowPercent >= 0.5 && bpmWindowPercent <= 50)) {
            throw new IllegalArgumentException("the BPM window must lie in 0.5..50 %: " + bpmWindowPercent);
        }
        if (artistSpacing < 0) {
            throw new IllegalArgumentException("the artist spacing must not be negative: " + artistSpacing);
        }
    }

    /**
     * @param curve the energy curve to follow
     * @return these options with that curve
     */
    public PlanOptions withEnergyCurve(EnergyCurve curve) {
        return new PlanOptions(bpmWindowPercent, halfDoubleTime, energyBoost, artistSpacing, curve, seed, relax);
    }

    /**
     * @param newSeed the seed of the tie-breaks
     * @return these options with that seed
     */
    public PlanOptions withSeed(long newSeed) {
        return new PlanOptions(bpmWindowPercent, halfDoubleTime, energyBoost, artistSpacing, energyCurve, newSeed,
                relax);
    }
}
