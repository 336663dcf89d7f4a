package org.deckhand.analysers.tempo;

import java.util.ArrayList;
import java.util.List;

/**
 * A growing series of non-negative frame features stored as 16-bit steps, so that a two-hour track's envelope at
 * 86 frames per second takes 1.2 MB. Stored in fixed-size chunks: growing never copies what is already stored.
 */
final class CompactSeries {

    private static final int CHUNK_VALUES = 1 << 16;
    private static final int MAX_STEP = Short.MAX_VALUE;

    private final float stepsPerUnit;
    private final List<short[]> chunks = new ArrayList<>();
    private int size;

    /**
     * @param maxValue the largest value kept exactly; larger values are stored as this one
     */
    CompactSeries(float maxValue) {
        this.stepsPerUnit = MAX_STEP / maxValue;
    }

    /** @param value the next value, not negative */
    void add(float value) {
        int index = size & (CHUNK_VALUES - 1);
        if (index == 0) {
            chunks.add(new short[CHUNK_VALUES]);
        }
        int step = Math.round(value * stepsPerUnit);
        chunks.get(chunks.size() - 1)[index] = (short) Math.max(0, Math.min(MAX_STEP, step));
        size++;
    }

    /** @return how many values were added */
    int size() {
        return size;
    }

    /** @return the values, in order, as floats */
    float[] toArray() {
        float[] values = new float[size];
        float unitsPerStep = 1f / stepsPerUnit;
        for (int i = 0; i < size; i++) {
            values[i] = chunks.get(i >>> 16)[i & (CHUNK_VALUES - 1)] * unitsPerStep;
        }
        return values;
    }
}
