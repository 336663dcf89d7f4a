package org.deckhand.analysis.internal;

import java.util.ArrayList;
import java.util.List;

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
}
