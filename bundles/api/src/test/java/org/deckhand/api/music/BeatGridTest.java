package org.deckhand.api.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BeatGridTest {

    private final BeatGrid grid = new BeatGrid(0.5, 0.5, 0.9, false, Double.NaN, Double.NaN);

    @Test
    void downbeatsFallEveryFourBeatsFromTheFirst() {
        assertEquals(2.5, grid.downbeatAtOrAfter(2.2), 1e-9);
        assertEquals(2.5, grid.downbeatAtOrAfter(2.5), 1e-9);
        assertEquals(0.5, grid.downbeatAtOrBefore(2.4), 1e-9);
        assertEquals(2.5, grid.downbeatAtOrBefore(2.5), 1e-9);
        assertEquals(0.5, grid.downbeatAtOrAfter(0), 1e-9, "before the first downbeat");
        assertEquals(0.5, grid.downbeatAtOrBefore(0.1), 1e-9, "before the first downbeat");
        assertEquals(120, grid.bpm(), 1e-9);
    }

    @Test
    void aGridNeedsAPositiveBeatPeriod() {
        assertThrows(IllegalArgumentException.class, () -> new BeatGrid(0, 0, 1, false, 0, 0));
    }
}
