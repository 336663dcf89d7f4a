package org.deckhand.analysers.key;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TuningEstimatorTest {

    @Test
    void deviationsAveragedOnTheCircleOfOneSemitone() {
        TuningEstimator tuning = new TuningEstimator();
        tuning.add(-12.0 + 0.45, 1);
        tuning.add(7.0 - 0.45, 1);
        assertEquals(0.5, Math.abs(tuning.offsetSemitones()), 1e-9);
    }

    @Test
    void a4At432HzIsFoundFromPeaksInSeveralOctaves() {
        TuningEstimator tuning = new TuningEstimator();
        for (double hz : new double[] {108, 216, 288.3, 432, 647.3}) {
            tuning.add(12 * Math.log(hz / 440) / Math.log(2), 1);
        }
        assertEquals(432, tuning.a4Hz(), 0.3);
    }

    @Test
    void withoutPeaksTheTuningIsStandard() {
        assertEquals(440, new TuningEstimator().a4Hz(), 1e-9);
    }
}
