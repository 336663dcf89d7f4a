package org.deckhand.mixer.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * Mixes two tracks of a bass tone and a treble tone each, and measures every tone a quarter and three quarters into
 * the fade.
 */
class BassSwapTest {

    private static final int RATE = ClickTrack.RATE_HZ;
    private static final double LEVEL = 0.3;

    @Test
    void withTheBassSwapOnlyOneTracksBassIsHeardAtATimeWhileTheTreblesCrossfade() {
        double[][] levels = levels(true);
        double full = LEVEL * Math.pow(10, TransitionOptions.DEFAULTS.unknownGainDb() / 20);
        assertEquals(full, levels[0][0], 0.05 * full, "the outgoing bass before the swap");
        assertTrue(levels[0][1] < 0.03 * full, "the incoming bass before the swap: " + levels[0][1] / full);
        assertTrue(levels[1][0] < 0.03 * full, "the outgoing bass after the swap: " + levels[1][0] / full);
        assertEquals(full, levels[1][1], 0.05 * full, "the incoming bass after the swap");
        assertEquals(Math.cos(Math.PI / 8) * full, levels[0][2], 0.05 * full, "the outgoing treble a quarter in");
        assertEquals(Math.sin(Math.PI / 8) * full, levels[0][3], 0.05 * full, "the incoming treble a quarter in");
        assertEquals(Math.sin(Math.PI / 8) * full, levels[1][2], 0.05 * full, "the outgoing treble at three quarters");
        assertEquals(Math.cos(Math.PI / 8) * full, levels[1][3], 0.05 * full, "the incoming treble at three quarters");
    }

    @Test
    void withoutItBothBassesCrossfadeLikeTheTrebles() {
        double[][] levels = levels(false);
        double full = LEVEL * Math.pow(10, TransitionOptions.DEFAULTS.unknownGainDb() / 20);
        assertEquals(Math.sin(Math.PI / 8) * full, levels[0][1], 0.05 * full, "the incoming bass a quarter in");
        assertEquals(Math.sin(Math.PI / 8) * full, levels[1][0], 0.05 * full, "the outgoing bass at three quarters");
    }

    /**
     * @return the amplitudes of the outgoing bass (50 Hz), the incoming bass (80 Hz), the outgoing treble (3 kHz) and
     *     the incoming treble (5 kHz), a quarter and three quarters into the fade
     */
    private static double[][] levels(boolean bassSwap) {
        TrackFacts outgoing = Facts.rendering(1, 124, 75, new BeatGrid(0.37, 60.0 / 124, 0.95, false, 8, 30), 0.9,
                ReplayGain.NONE);
        TrackFacts incoming = Facts.rendering(2, 128, 100, new BeatGrid(0.81, 60.0 / 128, 0.95, false, 40, 70), 0.9,
                ReplayGain.NONE);
        Mixes mixes = new Mixes(Map.of(
                1L, new ArraySource(ClickTrack.sum(ClickTrack.sine(50, LEVEL, 75), ClickTrack.sine(3000, LEVEL, 75))),
                2L, new ArraySource(ClickTrack.sum(ClickTrack.sine(80, LEVEL, 100),
                        ClickTrack.sine(5000, LEVEL, 100)))));
        float[] mix = mixes.render(TransitionOptions.DEFAULTS.withBassSwap(bassSwap), outgoing, incoming)[0];
        TrackStart fade = mixes.starts().get(1);
        long length = fade.fadeInEndFrame() - fade.fadeInStartFrame();
        double[][] levels = new double[2][];
        for (int quarter = 0; quarter < 2; quarter++) {
            int centre = (int) (fade.fadeInStartFrame() + length * (1 + 2 * quarter) / 4);
            levels[quarter] = new double[] {amplitude(mix, centre, 50), amplitude(mix, centre, 80),
                    amplitude(mix, centre, 3000), amplitude(mix, centre, 5000)};
        }
        return levels;
    }

    /** @return the amplitude of a tone in a 0.5 s Hann window centred on a frame */
    private static double amplitude(float[] samples, int centre, double hz) {
        int length = RATE / 2;
        int from = centre - length / 2;
        double re = 0;
        double im = 0;
        double weights = 0;
        for (int i = 0; i < length; i++) {
            double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (length - 1));
            re += hann * samples[from + i] * Math.cos(2 * Math.PI * hz * i / RATE);
            im += hann * samples[from + i] * Math.sin(2 * Math.PI * hz * i / RATE);
            weights += hann;
        }
        return 2 * Math.hypot(re, im) / weights;
    }
}
