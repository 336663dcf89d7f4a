package org.deckhand.analysers.tempo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deckhand.analysers.testing.AnalyserRun;
import org.deckhand.api.analysis.AnalysisException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BeatGridAnalyserTest {

    private final BeatGridAnalyser analyser = new BeatGridAnalyser(TempoRange.DEFAULT);

    @ParameterizedTest
    @CsvSource({"124, 1.234", "123.4, 0.5", "128, 0.05", "97.3, 2.71", "140, 3.3"})
    void anAccentedKickPatternGivesItsFirstDownbeatAndPeriod(double bpm, double offsetSeconds)
            throws AnalysisException {
        Map<String, Object> grid = run(SyntheticDrums.fourToTheFloor(bpm, offsetSeconds, 60));

        assertEquals(offsetSeconds, (Double) grid.get("firstDownbeatSeconds"), 0.010, grid.toString());
        assertEquals(60 / bpm, (Double) grid.get("beatPeriodSeconds"), 0.001 * 60 / bpm, grid.toString());
        assertEquals(bpm, (Double) grid.get("bpm"), 0.1);
        assertFalse((Boolean) grid.get("variableTempo"));
        assertTrue((Double) grid.get("confidence") > 0.9, grid.toString());
    }

    @Test
    void musicThatStartsOnBeatThreeHasItsFirstDownbeatTwoBeatsLater() throws AnalysisException {
        double period = 60 / 126.0;
        double bar = 4 * period;
        float[][] audio = SyntheticDrums.fourToTheFloor(126, bar + 0.4, 60);
        SyntheticDrums pickup = new SyntheticDrums(60);
        pickup.kick(0.4 + 2 * period, 0.45);
        pickup.kick(0.4 + 3 * period, 0.45);
        add(audio, pickup.mono());

        Map<String, Object> grid = run(audio);

        assertEquals(bar + 0.4, (Double) grid.get("firstDownbeatSeconds"), 0.010, grid.toString());
    }

    @Test
    void theCuePointsMarkTheFullEnergyBars() throws AnalysisException {
        double bpm = 125;
        double bar = 4 * 60 / bpm;
        SyntheticDrums drums = new SyntheticDrums(32 * bar + 1);
        for (int beat = 0; beat < 32 * 4; beat++) {
            double at = beat * bar / 4;
            drums.hat(at + bar / 8, 0.1);
            boolean body = beat >= 8 * 4 && beat < 24 * 4;
            drums.kick(at, body ? (beat % 4 == 0 ? 0.9 : 0.5) : 0.08);
        }

        Map<String, Object> grid = run(drums.mono());

        assertEquals(8 * bar, (Double) grid.get("introEndSeconds"), 0.02, grid.toString());
        assertEquals(24 * bar, (Double) grid.get("outroStartSeconds"), 0.02, grid.toString());
    }

    @Test
    void aSpeedingUpTrackIsFlaggedAsVariableTempo() throws AnalysisException {
        SyntheticDrums drums = new SyntheticDrums(90);
        double at = 0;
        for (int beat = 0; at < 89; beat++) {
            drums.kick(at, beat % 4 == 0 ? 0.9 : 0.5);
            at += 60 / (112 + 16 * at / 90);
        }

        Map<String, Object> grid = run(drums.mono());

        assertTrue((Boolean) grid.get("variableTempo"), grid.toString());
    }

    @Test
    void silenceHasNoGrid() {
        float[][] silence = new float[1][SyntheticDrums.RATE_HZ * 30];

        AnalysisException failure = assertThrows(AnalysisException.class, () -> run(silence));

        assertTrue(failure.getMessage().contains("No beat found"), failure.getMessage());
    }

    private Map<String, Object> run(float[][] audio) throws AnalysisException {
        return AnalyserRun.run(analyser, audio, SyntheticDrums.RATE_HZ).values();
    }

    private static void add(float[][] target, float[][] source) {
        for (int i = 0; i < target[0].length; i++) {
            target[0][i] += source[0][i];
        }
    }
}
