package org.deckhand.analysers.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlappingFramesTest {

    private final List<float[]> frames = new ArrayList<>();
    private final OverlappingFrames framer = new OverlappingFrames(4, 2, frame -> frames.add(frame.clone()));

    @Test
    void framesStartAHopApartWhateverTheBlockLengths() {
        framer.add(new float[] {0, 1, 2}, 3);
        framer.add(new float[] {3, 4, 5, 6, 7, 99}, 5);
        framer.finish();
        assertEquals(3, frames.size());
        assertArrayEquals(new float[] {0, 1, 2, 3}, frames.get(0));
        assertArrayEquals(new float[] {2, 3, 4, 5}, frames.get(1));
        assertArrayEquals(new float[] {4, 5, 6, 7}, frames.get(2));
    }

    @Test
    void aStreamShorterThanAFrameMakesOnePaddedFrame() {
        framer.add(new float[] {1, 2, 3}, 2);
        framer.finish();
        assertEquals(1, frames.size());
        assertArrayEquals(new float[] {1, 2, 0, 0}, frames.get(0));
    }

    @Test
    void anEmptyStreamMakesNoFrame() {
        framer.finish();
        assertEquals(0, frames.size());
    }
}
