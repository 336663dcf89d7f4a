package org.deckhand.analysers.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastLogTest {

    @Test
    void agreesWithMathLogFromOneToAMillion() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            float x = (float) Math.exp(random.nextDouble(0, Math.log(1e6)));
            assertEquals(Math.log(x), FastLog.ln(x), 2e-6 * Math.max(1, Math.log(x)), "ln " + x);
        }
    }

    @Test
    void isExactAtPowersOfTwo() {
        assertEquals(0, FastLog.ln(1), 0);
        assertEquals(Math.log(1024), FastLog.ln(1024), 1e-5);
        assertEquals(Math.log(0.25), FastLog.ln(0.25f), 1e-6);
    }
}
