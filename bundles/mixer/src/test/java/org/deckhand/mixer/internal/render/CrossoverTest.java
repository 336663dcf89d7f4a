package org.deckhand.mixer.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deckhand.mixer.internal.testing.ClickTrack;
import org.junit.jupiter.api.Test;

class CrossoverTest {

    private static final int RATE = ClickTrack.RATE_HZ;

    @Test
    void theTwoBandsSumBackToTheInputsSpectrum() {
        float[][] impulse = new float[2][RATE];
        impulse[0][0] = 1;
        impulse[1][0] = 1;
        float[][] low = new float[2][RATE];
        float[][] high = new float[2][RATE];
        new Crossover(RATE).split(impulse, 0, low, high, RATE);
        for (int band = 0; band < 8; band++) {
            double hz = 25 * Math.pow(2, band);
            double gain = magnitudeAt(low[0], high[0], hz);
            assertEquals(1, gain, 0.01, "the sum's gain at " + hz + " Hz");
        }
    }

    @Test
    void theLowBandHoldsTheBassAndTheHighBandTheRest() {
        assertEquals(1, bandLevels(50)[0], 0.05, "50 Hz in the low band");
        assertTrue(bandLevels(50)[1] < 0.05, "50 Hz in the high band: " + bandLevels(50)[1]);
        assertTrue(bandLevels(2000)[0] < 0.01, "2 kHz in the low band: " + bandLevels(2000)[0]);
        assertEquals(1, bandLevels(2000)[1], 0.01, "2 kHz in the high band");
    }

    /** @return the amplitudes of a unit sine at that frequency in the low and the high band, after settling */
    private static double[] bandLevels(double hz) {
        float[][] sine = ClickTrack.sine(hz, 1, 2);
        float[][] low = new float[2][sine[0].length];
        float[][] high = new float[2][sine[0].length];
        new Crossover(RATE).split(sine, 0, low, high, sine[0].length);
        return new double[] {peak(low[0], RATE), peak(high[0], RATE)};
    }

    private static double peak(float[] samples, int from) {
        double peak = 0;
        for (int i = from; i < samples.length; i++) {
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        return peak;
    }

    private static double magnitudeAt(float[] low, float[] high, double hz) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < low.length; i++) {
            double sum = low[i] + high[i];
            re += sum * Math.cos(2 * Math.PI * hz * i / RATE);
            im -= sum * Math.sin(2 * Math.PI * hz * i / RATE);
        }
        return Math.hypot(re, im);
    }
}
