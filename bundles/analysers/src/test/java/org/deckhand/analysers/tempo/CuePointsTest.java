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

        assertEquals(firstDownbeat * FRAME_SECONDS, cues.introEndSeconds(), 1e-9);
        assertEquals((firstDownbeat + 6 * BAR_FRAMES) * FRAME_SECONDS, cues.outroStartSeconds(), 1e-9);
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
