package org.deckhand.mixer.internal.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyCurveTest {

    @Test
    void aSetWarmsUpOverTheFirstFortyPerCentHoldsThePeakThenCoolsDown() {
        EnergyCurve curve = EnergyCurve.warmUpPeakCoolDown(21, 3, 9, 5);
        assertEquals(3, curve.at(0), 1e-9);
        assertEquals(6, curve.at(4), 1e-9);
        assertEquals(9, curve.at(8), 1e-9);
        assertEquals(9, curve.at(15), 1e-9);
        assertEquals(5, curve.at(20), 1e-9);
        assertEquals(5, curve.at(100), 1e-9, "past the end the last target holds");
    }

    @Test
    void targetsOutsideOneToTenAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EnergyCurve(List.of(5.0, 11.0)));
        assertThrows(IllegalArgumentException.class, () -> new EnergyCurve(List.of()));
    }
}
