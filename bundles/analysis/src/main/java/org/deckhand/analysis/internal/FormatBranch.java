package org.deckhand.analysis.internal;

import java.util.ArrayList;
import java.util.List;
import org.deckhand.api.analysis.PcmBlock;

/**
 * The analysers that asked for one format, the converter that feeds them, and, for those that did not ask for
 * unclipped audio, a copy clipped to [-1, 1] of the converted blocks that go beyond it: where a lossy encoder overshot
 * full scale, or a resampler rang past it.
 */
final class FormatBranch {

    private final PcmConverter converter;
    private final List<AnalyserSlot> slots = new ArrayList<>();
    private float[][] clipped;

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
     * @param block a block the converter produced
     * @return the block itself when none of its samples goes beyond [-1, 1] or every analyser of the branch asked for
     *     unclipped audio; otherwise a copy with every sample limited to [-1, 1], valid until the next call
     */
    PcmBlock clipped(PcmBlock block) {
        if (!anyWantsClipped() || !overshoots(block)) {
            return block;
        }
        float[][] samples = block.samples();
        if (clipped == null || clipped[0].length < block.frames()) {
            clipped = new float[samples.length][samples[0].length];
        }
        for (int channel = 0; channel < samples.length; channel++) {
            float[] from = samples[channel];
            float[] into = clipped[channel];
            for (int i = 0; i < block.frames(); i++) {
                float sample = from[i];
                into[i] = sample > 1f ? 1f : sample < -1f ? -1f : sample;
            }
        }
        return new PcmBlock(clipped, block.frames(), block.startFrame());
    }

    private boolean anyWantsClipped() {
        for (AnalyserSlot slot : slots) {
            if (!slot.descriptor().unclipped()) {
                return true;
            }
        }
        return false;
    }

    private static boolean overshoots(PcmBlock block) {
        for (float[] channel : block.samples()) {
            for (int i = 0; i < block.frames(); i++) {
                float sample = channel[i];
                if (sample > 1f || sample < -1f) {
                    return true;
                }
            }
        }
        return false;
    }
}
