package org.deckhand.mixer.internal.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TempoMatchTest {

    @Test
    void theDifferenceIsInPerCentOfTheRunningTempo() {
        TempoMatch match = TempoMatch.of(125, 130, false).orElseThrow();
        assertEquals(1, match.multiplier());
        assertEquals(4, match.differencePercent(), 1e-9);
        assertTrue(match.within(6));
        assertFalse(match.within(3.9));
    }

    @Test
    void halfAndDoubleTimeMatchOnlyWhenAllowed() {
        assertEquals(2, TempoMatch.of(128, 65, true).orElseThrow().multiplier());
        assertEquals(0.5, TempoMatch.of(87, 172, true).orElseThrow().multiplier());
        assertEquals(1, TempoMatch.of(128, 65, false).orElseThrow().multiplier());
        assertFalse(TempoMatch.of(128, 65, false).orElseThrow().within(6));
    }

    @Test
    void unknownTemposDoNotMatch() {
        assertTrue(TempoMatch.of(0, 120, true).isEmpty());
        assertTrue(TempoMatch.of(120, Double.NaN, true).isEmpty());
    }
}
