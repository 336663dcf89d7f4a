package org.deckhand.analysers.tempo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deckhand.analysers.testing.AnalyserRun;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.AnalysisResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TempoAnalyserTest {

    private final TempoAnalyser analyser = new TempoAnalyser(TempoRange.DEFAULT);

    @ParameterizedTest
    @ValueSource(doubles = {72, 95.5, 120, 123.4, 128, 140, 174.2})
    void clicksGiveTheirTempoToOneDecimal(double bpm) throws AnalysisException {
        AnalysisResult result = AnalyserRun.run(analyser, SyntheticDrums.clicks(bpm, 60), SyntheticDrums.RATE_HZ);

        assertEquals(bpm, (Double) result.values().get("bpm"), 0.1);
    }

    @ParameterizedTest
    @ValueSource(doubles = {118.5, 124, 136.6})
    void aDancePatternGivesItsTempoAndOctaveAlternative(double bpm) throws AnalysisException {
        AnalysisResult result = AnalyserRun.run(analyser, SyntheticDrums.fourToTheFloor(bpm, 0.3, 60),
                SyntheticDrums.RATE_HZ);

        double found = (Double) result.values().get("bpm");
        double alternative = (Double) result.values().get("alternativeBpm");
        assertEquals(bpm, found, 0.1);
        assertTrue(Math.abs(alternative - 2 * found) < 0.2 || Math.abs(alternative - found / 2) < 0.2,
                "alternative " + alternative);
        assertTrue((Double) result.values().get("confidence") > 0.8, "confidence " + result.values());
    }

    @Test
    void aTempoAboveTheRangeIsReportedAtHalfTempo() throws AnalysisException {
        TempoAnalyser upTo140 = new TempoAnalyser(new TempoRange(60, 140));

        AnalysisResult result = AnalyserRun.run(upTo140, SyntheticDrums.fourToTheFloor(172, 0, 60),
                SyntheticDrums.RATE_HZ);

        assertEquals(86, (Double) result.values().get("bpm"), 0.1);
    }

    @Test
    void silenceHasNoTempo() {
        float[][] silence = new float[1][SyntheticDrums.RATE_HZ * 30];

        AnalysisException failure = assertThrows(AnalysisException.class,
                () -> AnalyserRun.run(analyser, silence, SyntheticDrums.RATE_HZ));

        assertTrue(failure.getMessage().contains("No beat found"), failure.getMessage());
    }

    @Test
    void aTrackOfTwoSecondsIsTooShort() {
        AnalysisException failure = assertThrows(AnalysisException.class,
                () -> AnalyserRun.run(analyser, SyntheticDrums.clicks(120, 2), SyntheticDrums.RATE_HZ));

        assertTrue(failure.getMessage().contains("too short"), failure.getMessage());
    }
}
