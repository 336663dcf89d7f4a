package org.deckhand.analysis.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link ResamplingFilter}s between the pairs of sample rates met so far, each computed at its first use and then
 * shared by the converters of every track: one instance per pipeline, held by it, so that the filters go with the
 * pipeline. Thread-safe.
 */
final class ResamplingFilters {

    private final Map<Long, ResamplingFilter> byRates = new ConcurrentHashMap<>();

    /**
     * @param sourceRateHz the input's sample rate, Hz
     * @param targetRateHz the output's sample rate, Hz
     * @return the filter between the two rates, computed at the first call
     */
    ResamplingFilter between(int sourceRateHz, int targetRateHz) {
        return byRates.computeIfAbsent(((long) sourceRateHz << 32) | targetRateHz,
                key -> new ResamplingFilter(sourceRateHz, targetRateHz));
    }
}
