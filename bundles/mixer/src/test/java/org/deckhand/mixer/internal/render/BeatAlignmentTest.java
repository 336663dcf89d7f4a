package org.deckhand.mixer.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.music.BeatGrid;
import org.deckhand.mixer.internal.testing.ArraySource;
import org.deckhand.mixer.internal.testing.ClickTrack;
import org.deckhand.mixer.internal.testing.Facts;
import org.deckhand.mixer.internal.testing.Mixes;
import org.deckhand.mixer.internal.testing.ToneOnsets;
import org.deckhand.mixer.internal.track.TrackFacts;
import org.junit.jupiter.api.Test;

/**
 * Mixes click tracks of known tempo and downbeats into each other and finds the beats of both tracks in the
 * rendered fades: each track's beats and downbeats have their own tones, so that they can be told apart in the mix.
 */
class BeatAlignmentTest {

    private static final int RATE = ClickTrack.RATE_HZ;
    private static final double MAX_ERROR_SECONDS = 0.020;
    /** The share of a tone's loudest burst in the fade that a burst must reach to count: -30 dB. */
    private static final double THRESHOLD = 0.03;

    private static final TrackFacts FIRST = Facts.rendering(1, 124, 75,
            new BeatGrid(0.37, 60.0 / 124, 0.95, false, 8, 30), 0.9, ReplayGain.NONE);
    private static final TrackFacts SECOND = Facts.rendering(2, 128, 100,
            new BeatGrid(0.81, 60.0 / 128, 0.95, false, 40, 70), 0.9, ReplayGain.NONE);
    private static final TrackFacts THIRD = Facts.rendering(3, 126, 60,
            new BeatGrid(1.23, 60.0 / 126, 0.95, false, 20, 40), 0.9, ReplayGain.NONE);

    private static Mixes mixes() {
        return new Mixes(Map.of(
                1L, new ArraySource(ClickTrack.render(124, 0.37, 75, 1000, 2000, 0.5)),
                2L, new ArraySource(ClickTrack.render(128, 0.81, 100, 4000, 6000, 0.5)),
                3L, new ArraySource(ClickTrack.render(126, 1.23, 60, 700, 3000, 0.5))));
    }

    @Test
    void theBeatsAndBarsOfBothTracksLineUpThroughTheFade() {
        for (boolean bassSwap : new boolean[] {false, true}) {
            Mixes mixes = mixes();
            float[] mix = mixes.render(TransitionOptions.DEFAULTS.withBassSwap(bassSwap), FIRST, SECOND)[0];
            List<Double> errors = alignmentErrors(mix, mixes.starts().get(1), new double[] {1000, 2000},
                    new double[] {4000, 6000}, 60.0 / 124);
            report("124 into 128 BPM" + (bassSwap ? " with bass swap" : ""), errors);
        }
    }

    @Test
    void aTrackThatWasStretchedAndRampedBackIsMixedOutOnItsOwnBeat() {
        Mixes mixes = mixes();
        float[] mix = mixes.render(TransitionOptions.DEFAULTS.withFadeBars(8), FIRST, SECOND, THIRD)[0];
        List<Double> errors = alignmentErrors(mix, mixes.starts().get(2), new double[] {4000, 6000},
                new double[] {700, 3000}, 60.0 / 128);
        report("then 128 into 126 BPM", errors);
    }

    @Test
    void theFadeStartsOnTheOutgoingTracksFirstDownbeatAfterItsOutroCue() {
        Mixes mixes = mixes();
        float[] mix = mixes.render(TransitionOptions.DEFAULTS, FIRST, SECOND)[0];
        double fadeStart = mixes.starts().get(1).fadeInStartFrame() / (double) RATE;
        List<Double> downbeats = ToneOnsets.find(mix, RATE, 2000, fadeStart - 1, fadeStart + 1, 0.5);
        double bar = 4 * 60.0 / 124;
        assertEquals(0.37 + Math.ceil((30 - 0.37) / bar) * bar, fadeStart, 0.001);
        List<Double> distance = ToneOnsets.distances(List.of(fadeStart), downbeats, 1);
        assertTrue(distance.size() == 1 && distance.get(0) < 0.002,
                "a downbeat of the outgoing track at the fade's start " + fadeStart + " s: " + downbeats);
    }

    /**
     * @param outgoingTones the outgoing track's beat and downbeat tones, Hz
     * @param incomingTones the incoming track's
     * @param beatSeconds the running beat's length
     * @return for every incoming beat heard in the fade, its distance to the nearest outgoing beat, and for every
     *     incoming downbeat, to the nearest outgoing downbeat, seconds, sorted
     */
    private static List<Double> alignmentErrors(float[] mix, TrackStart fade, double[] outgoingTones,
            double[] incomingTones, double beatSeconds) {
        assertTrue(fade.beatMatched());
        double from = fade.fadeInStartFrame() / (double) RATE;
        double to = fade.fadeInEndFrame() / (double) RATE;
        List<Double> errors = new ArrayList<>(ToneOnsets.distances(
                ToneOnsets.find(mix, RATE, incomingTones[0], from, to, THRESHOLD),
                ToneOnsets.find(mix, RATE, outgoingTones[0], from, to, THRESHOLD), beatSeconds / 2));
        int beats = errors.size();
        errors.addAll(ToneOnsets.distances(ToneOnsets.find(mix, RATE, incomingTones[1], from, to, THRESHOLD),
                ToneOnsets.find(mix, RATE, outgoingTones[1], from, to, THRESHOLD), 2 * beatSeconds));
        int bars = (int) Math.round((to - from) / (4 * beatSeconds));
        assertTrue(beats >= 2 * bars, "beats compared: " + beats + " in " + bars + " bars");
        assertTrue(errors.size() - beats >= bars * 5 / 8, "downbeats compared: " + (errors.size() - beats));
        Collections.sort(errors);
        return errors;
    }

    private static void report(String transition, List<Double> errors) {
        double median = errors.get(errors.size() / 2);
        double max = errors.get(errors.size() - 1);
        System.out.printf("beat alignment, %s: %d beats, median %.1f ms, max %.1f ms%n", transition, errors.size(),
                median * 1000, max * 1000);
        assertTrue(median <= MAX_ERROR_SECONDS, transition + ": median error " + median + " s");
        assertTrue(max <= MAX_ERROR_SECONDS, transition + ": largest error " + max + " s");
    }
}
