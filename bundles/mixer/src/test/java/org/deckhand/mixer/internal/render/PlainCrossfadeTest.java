package org.deckhand.mixer.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.music.BeatGrid;
import org.deckhand.mixer.internal.testing.ArraySource;
import org.deckhand.mixer.internal.testing.ClickTrack;
import org.deckhand.mixer.internal.testing.Facts;
import org.deckhand.mixer.internal.testing.Mixes;
import org.deckhand.mixer.internal.track.TrackFacts;
import org.junit.jupiter.api.Test;

/** Crossfades two tones whose beat grids the analysers were unsure of, and looks for gaps and clicks. */
class PlainCrossfadeTest {

    private static final int RATE = ClickTrack.RATE_HZ;
    private static final double AMPLITUDE = 0.5;

    @Test
    void unsureBeatGridsGiveAnEqualPowerCrossfadeWithNoGapAndNoClick() {
        TrackFacts outgoing = Facts.rendering(1, 124, 30, new BeatGrid(0.2, 60.0 / 124, 0.3, false, Double.NaN,
                Double.NaN), 0.3, ReplayGain.NONE);
        TrackFacts incoming = Facts.rendering(2, 128, 30, new BeatGrid(0.4, 60.0 / 128, 0.3, false, Double.NaN,
                Double.NaN), 0.3, ReplayGain.NONE);
        Mixes mixes = new Mixes(Map.of(1L, new ArraySource(ClickTrack.sine(330, AMPLITUDE, 30)),
                2L, new ArraySource(ClickTrack.sine(550, AMPLITUDE, 30))));
        float[] mix = mixes.render(TransitionOptions.DEFAULTS, outgoing, incoming)[0];

        TrackStart fade = mixes.starts().get(1);
        assertFalse(fade.beatMatched());
        assertEquals(20 * RATE, fade.fadeInStartFrame(), "the 12 s fade shortened to a third of the 30 s tracks");
        assertEquals(fade.fadeInStartFrame() + 30 * RATE, mix.length, "the incoming track whole, unstretched");

        double gain = Math.pow(10, TransitionOptions.DEFAULTS.unknownGainDb() / 20);
        double expectedRms = AMPLITUDE * gain / Math.sqrt(2);
        int window = RATE / 50;
        for (int start = 0; start + window <= mix.length; start += window) {
            double rms = rms(mix, start, window);
            assertTrue(rms > 0.85 * expectedRms && rms < 1.15 * expectedRms,
                    "RMS " + rms + " instead of " + expectedRms + " at " + start / (double) RATE + " s");
        }
        double outgoingStep = 2 * Math.PI * 330 * AMPLITUDE * gain / RATE;
        double incomingStep = 2 * Math.PI * 550 * AMPLITUDE * gain / RATE;
        double largestStep = 1.02 * Math.hypot(outgoingStep, incomingStep);
        for (int i = 1; i < mix.length; i++) {
            assertTrue(Math.abs(mix[i] - mix[i - 1]) <= largestStep,
                    "a jump of " + (mix[i] - mix[i - 1]) + " at " + i / (double) RATE + " s");
        }
    }

    private static double rms(float[] samples, int from, int length) {
        double sum = 0;
        for (int i = from; i < from + length; i++) {
            sum += samples[i] * samples[i];
        }
        return Math.sqrt(sum / length);
    }
}
