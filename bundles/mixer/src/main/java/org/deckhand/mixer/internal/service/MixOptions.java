package org.deckhand.mixer.internal.service;

/**
 * A new mix's options, each null for the configured default.
 *
 * @param length how many tracks to plan, the seed included (2 to 500)
 * @param bpmWindowPercent the largest tempo difference from one track to the next, per cent (0.5 to 50)
 * @param energyCurve the energy curve to follow
 * @param energyBoost whether the energy-boost key move (two steps up the Camelot wheel) is allowed
 * @param artistSpacing how many tracks must separate two tracks of the same artist (0 to 50)
 * @param bars how many bars a crossfade lasts (1 to 64)
 * @param bassSwap whether to swap the low bands in the middle of the crossfade
 */
public record MixOptions(Integer length, Double bpmWindowPercent, EnergyShape energyCurve, Boolean energyBoost,
        Integer artistSpacing, Integer bars, Boolean bassSwap) {

    /** No option given: every default. */
    public static final MixOptions DEFAULTS = new MixOptions(null, null, null, null, null, null, null);
}
