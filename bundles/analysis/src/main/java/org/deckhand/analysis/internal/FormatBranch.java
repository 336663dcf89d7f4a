package org.deckhand.analysis.internal;

import java.util.ArrayList;
import java.util.List;
import org.deckhand.api.analysis.PcmBlock;

/** The analysers that asked for one format, and the converter that feeds them. */
final class FormatBranch {

    private final PcmConverter converter;
    private final List<AnalyserSlot> slots = new ArrayList<>();

    FormatBranch(PcmConverter converter) {
        this.converter = converter;
    }

    PcmConverter converter() {
        return converter;
    }

    List<AnalyserSlot> slots() {
        return slots;
    }

    /** @return whether any of the branch's analysers still runs */
    boolean live() {
        return slots.stream().anyMatch(slot -> slot.failure() == null);
    }

    /**
     * Converts the next decoded frames and hands them to the branch's analysers through the guard.
     *
     * @throws InterruptedException if the worker is interrupted
     */
    void deliver(CallGuard guard, float[][] samples, int frames, boolean last) throws InterruptedException {
        PcmBlock block = converter.convert(samples, frames, last);
        if (block.frames() > 0) {
            guard.forEach(slots, slot -> slot.process(block));
        }
    }
}
