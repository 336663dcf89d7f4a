package org.deckhand.analysers.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deckhand.analysers.testing.AnalyserRun;
import org.deckhand.api.analysis.AnalysisException;
import org.junit.jupiter.api.Test;

/** The energy rating and curve against synthetic tracks of known character. */
class EnergyAnalyserTest {

    private static final int RATE_HZ = EnergyAnalyser.SAMPLE_RATE_HZ;

    private static Map<String, Object> analyse(float[] mono) throws AnalysisException {
        return AnalyserRun.run(new EnergyAnalyser(), new float[][] {mono}, RATE_HZ).values();
    }

    @Test
    void loudDenseDrumsRateFarAboveASoftPad() throws AnalysisException {
        float[] pad = new float[RATE_HZ * 30];
        SyntheticMusic.addPad(pad, RATE_HZ, 0, pad.length);
        float[] drums = new float[RATE_HZ * 30];
        SyntheticMusic.addDrums(drums, RATE_HZ, 0, drums.length);
        SyntheticMusic.addPad(drums, RATE_HZ, 0, drums.length);
        long padEnergy = (Long) analyse(pad).get(EnergyAnalyser.ENERGY);
        long drumsEnergy = (Long) analyse(drums).get(EnergyAnalyser.ENERGY);
        assertTrue(padEnergy <= 2, "soft pad rated " + padEnergy);
        assertTrue(drumsEnergy >= 8, "loud drums rated " + drumsEnergy);
    }

    @Test
    void curveRisesWhereTheTrackGetsLouderAndDenser() throws AnalysisException {
        int seconds = 60;
        float[] track = new float[RATE_HZ * seconds];
        SyntheticMusic.addPad(track, RATE_HZ, 0, track.length);
        SyntheticMusic.addDrums(track, RATE_HZ, track.length / 2, track.length);
        float[] curve = (float[]) analyse(track).get(EnergyAnalyser.CURVE);
        assertEquals(seconds, curve.length, 1);
        double calm = mean(curve, 0, 25);
        double intense = mean(curve, 35, 60);
        assertTrue(intense > calm + 0.4, "curve " + calm + " before the drums, " + intense + " with them");
        for (float value : curve) {
            assertTrue(value >= 0 && value <= 1, "curve value out of [0, 1]: " + value);
        }
        int rise = 0;
        while (curve[rise] < (calm + intense) / 2) {
            rise++;
        }
        assertEquals(30, rise, 3, "the curve should rise where the drums come in, at 30 s");
    }

    @Test
    void silenceHasNoEnergy() {
        assertThrows(AnalysisException.class, () -> analyse(new float[RATE_HZ * 5]));
    }

    private static double mean(float[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
