package org.deckhand.mixer.internal.render;

/**
 * How the renderer mixes one track into the next.
 *
 * @param sampleRateHz the mix's sample rate, Hz; every source delivers stereo at this rate
 * @param fadeBars how many bars of the outgoing track the crossfade lasts (1 to 64; 16 by default)
 * @param rampBars over how many bars the incoming track returns from the running tempo to its own after the
 *     crossfade (0 to stay at the running tempo until its own fade-out; 8 by default)
 * @param bassSwap whether to swap the low bands of the two tracks in the middle of the crossfade, over one beat,
 *     instead of fading them with the rest
 * @param minTempoConfidence the tempo confidence both tracks need to be beat-matched, 0 to 1
 * @param minGridConfidence the beat grid confidence both tracks need to be beat-matched, 0 to 1
 * @param maxStretchPercent the largest tempo change applied to the incoming track, per cent; beyond it the tracks
 *     are crossfaded plainly
 * @param halfDoubleTime whether a track at half or double the running tempo is beat-matched on every other beat
 * @param fallbackFadeSeconds how long a plain equal-power crossfade lasts, seconds
 * @param unknownGainDb the gain for a track whose ReplayGain is unknown, dB: a typical club master (about -10 LUFS)
 *     brought to the ReplayGain reference of -18 LUFS
 */
public record TransitionOptions(int sampleRateHz, int fadeBars, int rampBars, boolean bassSwap,
        double minTempoConfidence, double minGridConfidence, double maxStretchPercent, boolean halfDoubleTime,
        double fallbackFadeSeconds, double unknownGainDb) {

    /** 44.1 kHz, 16 bars, an 8-bar ramp, no bass swap, confidences of 0.5, 8 % stretch, 12 s plain fades, -8 dB. */
    public static final TransitionOptions DEFAULTS = new TransitionOptions(44_100, 16, 8, false, 0.5, 0.5, 8, true,
            12, -8);

    /**
     * @throws IllegalArgumentException if a value lies outside its range
     */
    public TransitionOptions {
        if (sampleRateHz < 8_000 || sampleRateHz > 192_000) {
            throw new IllegalArgumentException("the sample rate must lie in 8000..192000 Hz: " + sampleRateHz);
        }
        if (fadeBars < 1 || fadeBars > 64 || rampBars < 0 || rampBars > 64) {
            throw new IllegalArgumentException("fade bars must lie in 1..64 and ramp bars in 0..64: " + fadeBars + ", "
                    + rampBars);
        }
        if (!(maxStretchPercent >= 0 && maxStretchPercent <= 50) || !(fallbackFadeSeconds > 0)) {
            throw new IllegalArgumentException("the stretch must lie in 0..50 % and the plain fade be positive: "
                    + maxStretchPercent + " %, " + fallbackFadeSeconds + " s");
        }
    }

    /**
     * @param bars the crossfade's length in bars, 1 to 64
     * @return these options with that length
     */
    public TransitionOptions withFadeBars(int bars) {
        return new TransitionOptions(sampleRateHz, bars, rampBars, bassSwap, minTempoConfidence, minGridConfidence,
                maxStretchPercent, halfDoubleTime, fallbackFadeSeconds, unknownGainDb);
    }

    /**
     * @param swap whether to swap the low bands in the middle of the crossfade
     * @return these options with or without the bass swap
     */
    public TransitionOptions withBassSwap(boolean swap) {
        return new TransitionOptions(sampleRateHz, fadeBars, rampBars, swap, minTempoConfidence, minGridConfidence,
                maxStretchPercent, halfDoubleTime, fallbackFadeSeconds, unknownGainDb);
    }
}
