package org.deckhand.mixer.internal.service;

import org.deckhand.mixer.internal.plan.PlanOptions;
import org.deckhand.mixer.internal.render.TransitionOptions;

/**
 * A mix's options once the defaults are filled in and the ranges checked.
 *
 * @param length how many tracks to plan, the seed included
 * @param bpmWindowPercent the largest tempo difference from one track to the next, per cent
 * @param energyCurve the energy curve to follow
 * @param energyBoost whether the energy-boost key move is allowed
 * @param artistSpacing how many tracks must separate two tracks of the same artist
 * @param bars how many bars a crossfade lasts
 * @param bassSwap whether to swap the low bands in the middle of the crossfade
 */
public record MixSettings(int length, double bpmWindowPercent, EnergyShape energyCurve, boolean energyBoost,
        int artistSpacing, int bars, boolean bassSwap) {

    /** The most tracks a plan holds. */
    static final int MAX_LENGTH = 500;
    private static final int MAX_SPACING = 50;

    /**
     * @param options the request's options, each null for its default
     * @param defaults the configuration
     * @param defaultLength the plan length when the request gives none
     * @return the settings
     * @throws IllegalArgumentException if an option lies outside its range; the message names it
     */
    public static MixSettings of(MixOptions options, MixConfiguration defaults, int defaultLength) {
        MixOptions given = options == null ? MixOptions.DEFAULTS : options;
        MixSettings settings = new MixSettings(or(given.length(), defaultLength),
                or(given.bpmWindowPercent(), defaults.bpmWindowPercent()),
                given.energyCurve() == null ? EnergyShape.NONE : given.energyCurve(),
                or(given.energyBoost(), false), or(given.artistSpacing(), defaults.artistSpacing()),
                or(given.bars(), defaults.bars()), or(given.bassSwap(), defaults.bassSwap()));
        settings.check();
        return settings;
    }

    private void check() {
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("length must lie in 1.." + MAX_LENGTH + ", not " + length);
        }
        if (!(bpmWindowPercent >= 0.5 && bpmWindowPercent <= 50)) {
            throw new IllegalArgumentException("bpmWindowPercent must lie in 0.5..50, not " + bpmWindowPercent);
        }
        if (artistSpacing < 0 || artistSpacing > MAX_SPACING) {
            throw new IllegalArgumentException("artistSpacing must lie in 0.." + MAX_SPACING + ", not "
                    + artistSpacing);
        }
        if (bars < 1 || bars > 64) {
            throw new IllegalArgumentException("bars must lie in 1..64, not " + bars);
        }
    }

    /**
     * @param seedText the seed as text, whose hash seeds the planner's tie-breaks
     * @return the planner's options: a track at half or double time may follow when that tempo lies within the
     *     BPM window (a 64 BPM track after 128 BPM), as the renderer beat-matches it on every other beat
     */
    public PlanOptions planOptions(String seedText) {
        return new PlanOptions(bpmWindowPercent, true, energyBoost, artistSpacing, energyCurve.curve(length),
                seedText.hashCode(), true);
    }

    /** @return the renderer's options */
    public TransitionOptions transitionOptions() {
        return TransitionOptions.DEFAULTS.withFadeBars(bars).withBassSwap(bassSwap);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
