package org.deckhand.mixer.internal.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.music.BeatGrid;
import org.deckhand.mixer.internal.testing.ArraySource;
import org.deckhand.mixer.internal.testing.ClickTrack;
import org.deckhand.mixer.internal.testing.Facts;
import org.deckhand.mixer.internal.testing.Loudness;
import org.deckhand.mixer.internal.testing.Mixes;
import org.deckhand.mixer.internal.track.TrackFacts;
import org.junit.jupiter.api.Test;

/**
 * Mixes a quiet track into a loud one, each normalised by the ReplayGain its own loudness measurement gives, and
 * measures the BS.1770 integrated loudness of the mix before, during and after the fade.
 */
class TransitionLoudnessTest {

    private static final int RATE = ClickTrack.RATE_HZ;
    private static final double WINDOW_SECONDS = 10;

    @Test
    void theLoudnessStepsLessThanOneLuAcrossTheTransition() {
        float[][] loud = ClickTrack.sum(ClickTrack.render(124, 0.37, 75, 1000, 2000, 0.5),
                ClickTrack.sine(220, 0.2, 75));
        float[][] quiet = ClickTrack.sum(ClickTrack.render(128, 0.81, 100, 4000, 6000, 0.05),
                ClickTrack.sine(330, 0.02, 100));
        double[] loudGain = Loudness.replayGain(loud, RATE);
        double[] quietGain = Loudness.replayGain(quiet, RATE);
        double[] steps = steps(new ReplayGain(loudGain[0], loudGain[1], null, null),
                new ReplayGain(quietGain[0], quietGain[1], null, null), loud, quiet);
        System.out.printf("loudness: %.1f dB between the tracks; steps %.2f LU into the fade, %.2f LU out of it, "
                + "%.2f LU across it%n", quietGain[0] - loudGain[0], steps[0], steps[1], steps[2]);
        for (double step : steps) {
            assertTrue(Math.abs(step) <= 1, "a step of " + step + " LU");
        }
    }

    @Test
    void withoutReplayGainTheSameTracksStepByFarMore() {
        float[][] loud = ClickTrack.sum(ClickTrack.render(124, 0.37, 75, 1000, 2000, 0.5),
                ClickTrack.sine(220, 0.2, 75));
        float[][] quiet = ClickTrack.sum(ClickTrack.render(128, 0.81, 100, 4000, 6000, 0.05),
                ClickTrack.sine(330, 0.02, 100));
        double[] steps = steps(ReplayGain.NONE, ReplayGain.NONE, loud, quiet);
        assertTrue(Math.abs(steps[2]) > 10, "a step of " + steps[2] + " LU");
    }

    /** @return the loudness steps from before the fade to its middle, from its middle to after it, and across it */
    private static double[] steps(ReplayGain loudGain, ReplayGain quietGain, float[][] loud, float[][] quiet) {
        TrackFacts outgoing = Facts.rendering(1, 124, 75, new BeatGrid(0.37, 60.0 / 124, 0.95, false, 8, 30), 0.9,
                loudGain);
        TrackFacts incoming = Facts.rendering(2, 128, 100, new BeatGrid(0.81, 60.0 / 128, 0.95, false, 40, 70), 0.9,
                quietGain);
        Mixes mixes = new Mixes(Map.of(1L, new ArraySource(loud), 2L, new ArraySource(quiet)));
        float[][] mix = mixes.render(TransitionOptions.DEFAULTS, outgoing, incoming);
        double start = mixes.starts().get(1).fadeInStartFrame() / (double) RATE;
        double end = mixes.starts().get(1).fadeInEndFrame() / (double) RATE;
        double middle = (start + end) / 2;
        double before = Loudness.integratedLufs(mix, RATE, start - WINDOW_SECONDS, start);
        double during = Loudness.integratedLufs(mix, RATE, middle - WINDOW_SECONDS / 2, middle + WINDOW_SECONDS / 2);
        double after = Loudness.integratedLufs(mix, RATE, end, end + WINDOW_SECONDS);
        return new double[] {during - before, after - during, after - before};
    }
}
