package org.deckhand.mixer.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.music.BeatGrid;
import org.deckhand.mixer.internal.testing.Facts;
import org.deckhand.mixer.internal.track.TrackFacts;
import org.junit.jupiter.api.Test;

class TransitionDesignerTest {

    private static final int RATE = 44_100;
    private static final double A_BEAT = 60.0 / 124;
    private static final double B_BEAT = 60.0 / 128;
    private static final TransitionDesigner DESIGNER = new TransitionDesigner(TransitionOptions.DEFAULTS);

    private static TrackFacts outgoing(double seconds, double outroSeconds) {
        return Facts.rendering(1, 124, seconds, new BeatGrid(0.37, A_BEAT, 0.95, false, 8, outroSeconds), 0.9,
                ReplayGain.NONE);
    }

    private static TrackFacts incoming(double seconds, double introEndSeconds, double confidence) {
        return Facts.rendering(2, 128, seconds, new BeatGrid(0.81, B_BEAT, confidence, false, introEndSeconds,
                seconds - 40), confidence, ReplayGain.NONE);
    }

    private static Playing fromTheStart(TrackFacts track) {
        return new Playing(track, 0, 0, 1);
    }

    @Test
    void theFadeStartsOnTheFirstDownbeatAfterTheOutroCueAndLastsSixteenBars() {
        Transition transition = DESIGNER.design(fromTheStart(outgoing(300, 200)), incoming(300, 60, 0.9));
        assertTrue(transition.beatMatched());
        double bar = 4 * A_BEAT;
        double start = 0.37 + Math.ceil((200 - 0.37) / bar) * bar;
        assertEquals(start * RATE, transition.fadeStartFrame(), 1);
        assertEquals(16 * bar * RATE, transition.fadeFrames(), 1);
    }

    @Test
    void theIncomingTrackPlaysAtTheRunningTempoThenRampsBackToItsOwn() {
        Transition transition = DESIGNER.design(fromTheStart(outgoing(300, 200)), incoming(300, 60, 0.9));
        TempoCurve curve = transition.incomingTempo();
        assertEquals(124.0 / 128, curve.startTempo(), 1e-9);
        assertEquals(transition.fadeFrames(), curve.holdFrames());
        assertEquals(8 * 4 * B_BEAT * RATE, curve.rampFrames(), 1);
        assertEquals(1, curve.endTempo());
    }

    @Test
    void theIncomingTrackStartsOnTheDownbeatThatEndsItsIntroWithTheFade() {
        Transition transition = DESIGNER.design(fromTheStart(outgoing(300, 200)), incoming(300, 60, 0.9));
        double bar = 4 * B_BEAT;
        double introEnd = 0.81 + Math.floor((60 - 0.81) / bar) * bar;
        double cue = 0.81 + Math.floor((introEnd - 16 * bar - 0.81) / bar + 1e-9) * bar;
        assertEquals(cue * RATE, transition.cueFrame(), 1);
    }

    @Test
    void aFadeThatWouldOutlastTheTrackStartsEarlierOnADownbeat() {
        Transition transition = DESIGNER.design(fromTheStart(outgoing(240, 230)), incoming(300, 60, 0.9));
        double bar = 4 * A_BEAT;
        double start = transition.fadeStartFrame() / RATE;
        assertEquals(0, ((start - 0.37) / bar) % 1, 1e-6, "on a downbeat");
        assertTrue(start + 16 * bar <= 240, "ends by the track's end");
        assertTrue(start + 17 * bar > 240, "as late as it can");
    }

    @Test
    void aHalfTimeTrackPlaysAtItsOwnSpeedWithEachBeatOnEveryOtherRunningBeat() {
        TrackFacts halfTime = Facts.rendering(3, 62, 300, new BeatGrid(0.5, 60.0 / 62, 0.9, false, Double.NaN,
                Double.NaN), 0.9, ReplayGain.NONE);
        Transition transition = DESIGNER.design(fromTheStart(outgoing(300, 200)), halfTime);
        assertTrue(transition.beatMatched());
        assertEquals(1, transition.incomingTempo().startTempo(), 1e-9);
        assertEquals(0.5 * RATE, transition.cueFrame(), 1);
    }

    @Test
    void lowConfidenceGivesAPlainCrossfadeIntoTheTracksStart() {
        Transition transition = DESIGNER.design(fromTheStart(outgoing(300, 200)), incoming(300, 60, 0.3));
        assertFalse(transition.beatMatched());
        assertEquals(200 * RATE, transition.fadeStartFrame(), 1);
        assertEquals(12 * RATE, transition.fadeFrames());
        assertEquals(0, transition.cueFrame());
        assertEquals(TempoCurve.constant(1), transition.incomingTempo());
    }

    @Test
    void tempoBeyondTheStretchLimitGivesAPlainCrossfade() {
        TrackFacts fast = Facts.rendering(3, 140, 300, new BeatGrid(0.5, 60.0 / 140, 0.9, false, Double.NaN,
                Double.NaN), 0.9, ReplayGain.NONE);
        assertFalse(DESIGNER.design(fromTheStart(outgoing(300, 200)), fast).beatMatched());
    }

    @Test
    void theRampEndsABarBeforeAShortTracksOwnFadeOutCanBegin() {
        TrackFacts shortTrack = incoming(70, Double.NaN, 0.9);
        Transition transition = DESIGNER.design(fromTheStart(outgoing(300, 200)), shortTrack);
        TempoCurve curve = transition.incomingTempo();
        double ownFadeOut = 70 - 40;
        double settled = transition.cueFrame() + curve.trackFramesBetween(0, curve.settleFrame());
        assertTrue(curve.rampFrames() > 0 && curve.rampFrames() < 8 * 4 * B_BEAT * RATE, "shortened ramp");
        assertTrue(settled <= (ownFadeOut - 4 * B_BEAT) * RATE + 1, "settles a bar before " + ownFadeOut + " s");
    }

    @Test
    void theBassSwapsOverTheBeatBeforeTheMiddleOfTheFade() {
        TransitionDesigner designer = new TransitionDesigner(TransitionOptions.DEFAULTS.withBassSwap(true));
        Transition transition = designer.design(fromTheStart(outgoing(300, 200)), incoming(300, 60, 0.9));
        assertEquals(31 * A_BEAT * RATE, transition.bassSwapStartFrame(), 1);
        assertEquals(A_BEAT * RATE, transition.bassSwapFrames(), 1);
    }

    @Test
    void theFadeWaitsForTheOutgoingTrackToSettleItsTempo() {
        Playing ramping = new Playing(outgoing(300, 200), 100 * RATE, 210 * RATE, 1);
        Transition transition = DESIGNER.design(ramping, incoming(300, 60, 0.9));
        assertTrue(transition.fadeStartFrame() >= 210 * RATE);
        assertTrue(transition.fadeStartFrame() < 210 * RATE + 4 * A_BEAT * RATE);
    }

    @Test
    void aFadeTakesAtMostAThirdOfEitherTrackSoEachPlaysAloneAndNoneEndsInsideTheFade() {
        TrackFacts shortOutgoing = outgoing(45, 20);
        Transition intoLong = DESIGNER.design(fromTheStart(shortOutgoing), incoming(300, 60, 0.9));
        assertTrue(intoLong.beatMatched());
        assertEquals(4 * 4 * A_BEAT * RATE, intoLong.fadeFrames(), 1, "16 bars (31 s) are halved twice to 4 (8 s)");
        assertTrue(intoLong.fadeStartFrame() >= 15 * RATE, "the fade-out starts after a third of the track");

        TrackFacts shortIncoming = incoming(30, Double.NaN, 0.9);
        Transition intoShort = DESIGNER.design(fromTheStart(outgoing(300, 200)), shortIncoming);
        double fadeInTrackSeconds = intoShort.incomingTempo().trackFramesBetween(0, intoShort.fadeFrames()) / RATE;
        assertTrue(fadeInTrackSeconds <= (30 - intoShort.cueFrame() / (double) RATE) / 3 + 1e-3,
                "a 30 s track is faded in over at most a third of it: " + fadeInTrackSeconds + " s");

        TrackFacts untimed = Facts.rendering(3, 124, 30, null, 0, ReplayGain.NONE);
        Transition plain = DESIGNER.design(fromTheStart(untimed), untimed);
        assertFalse(plain.beatMatched());
        assertEquals(10 * RATE, plain.fadeFrames(), 1, "a plain 12 s fade between 30 s tracks lasts 10 s");
        assertEquals(20 * RATE, plain.fadeStartFrame(), 1);
    }
}
