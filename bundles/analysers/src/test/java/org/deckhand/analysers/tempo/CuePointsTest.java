package org.deckhand.analysers.tempo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Intro and outro cue points on level envelopes with a known shape. */
class CuePointsTest {

    private static final int FRAMES_PER_LEVEL = 4;
    private static final double FRAME_SECONDS = 0.01;
    private static final double BAR_FRAMES = 200;

    @Test
    void theIntroEndsAtTheFirstLoudBarAndTheOutroStartsAfterTheLastOne() {
        float[] levels = bars(10, 10, 40, 40, 40, 40, 40, 40, 10, 10);

        CuePoints cues = CuePoints.find(levels, FRAMES_PER_LEVEL, FRAME_SECONDS, 0, BAR_FRAMES);

        assertEquals(2 * BAR_FRAMES * FRAME_SECONDS, cues.introEndSeconds(), 1e-9);
        assertEquals(8 * BAR_FRAMES * FRAME_SECONDS, cues.outroStartSeconds(), 1e-9);
    }

    @Test
    void aFirstDownbeatJustBeforeTheStartOfTheTrackMeasuresItsFirstBarInsideTheTrack() {
        float[] levels = bars(40, 40, 40, 40, 40, 40, 10, 10);
        double firstDownbeat = -BAR_FRAMES / 16;

        CuePoints cues = CuePoints.find(levels, FRAMES_PER_LEVEL, FRAME_SECONDS, firstDownbeat, BAR_FRAMES);

        assertEquals((firstDownbeat + 2 * BAR_FRAMES) * FRAME_SECONDS, cues.introEndSeconds(), 1e-9,
                "a track of 8 bars has phrases of 2");
        assertEquals((firstDownbeat + 6 * BAR_FRAMES) * FRAME_SECONDS, cues.outroStartSeconds(), 1e-9);
    }

    @Test
    void aTrackAtFullEnergyFromItsFirstBarHasAnIntroOfOnePhraseAndAnOutroOfOne() {
        float[] levels = bars(repeat(40, 64));

        CuePoints cues = CuePoints.find(levels, FRAMES_PER_LEVEL, FRAME_SECONDS, 0, BAR_FRAMES);

        assertEquals(8 * BAR_FRAMES * FRAME_SECONDS, cues.introEndSeconds(), 1e-9);
        assertEquals(56 * BAR_FRAMES * FRAME_SECONDS, cues.outroStartSeconds(), 1e-9);
    }

    @Test
    void aQuietOpeningLongerThanAPhraseIsTheIntroAndAQuietEndingTheOutro() {
        double[] shape = repeat(40, 64);
        Arrays.fill(shape, 0, 13, 10);
        Arrays.fill(shape, 50, 64, 12);

        CuePoints cues = CuePoints.find(bars(shape), FRAMES_PER_LEVEL, FRAME_SECONDS, 0, BAR_FRAMES);

        assertEquals(13 * BAR_FRAMES * FRAME_SECONDS, cues.introEndSeconds(), 1e-9);
        assertEquals(50 * BAR_FRAMES * FRAME_SECONDS, cues.outroStartSeconds(), 1e-9);
    }

    @Test
    void phrasesShortenInShortTracks() {
        assertEquals(8, CuePoints.phraseBars(64));
        assertEquals(8, CuePoints.phraseBars(32));
        assertEquals(4, CuePoints.phraseBars(19));
        assertEquals(1, CuePoints.phraseBars(5));
    }

    private static double[] repeat(double level, int bars) {
        double[] shape = new double[bars];
        Arrays.fill(shape, level);
        return shape;
    }

    /** A level envelope of whole bars, each at the level given, in dB above the floor. */
    private static float[] bars(double... barLevelsDb) {
        int levelsPerBar = (int) (BAR_FRAMES / FRAMES_PER_LEVEL);
        float[] levels = new float[barLevelsDb.length * levelsPerBar];
        for (int bar = 0; bar < barLevelsDb.length; bar++) {
            Arrays.fill(levels, bar * levelsPerBar, (bar + 1) * levelsPerBar, (float) barLevelsDb[bar]);
        }
        return levels;
    }
}
