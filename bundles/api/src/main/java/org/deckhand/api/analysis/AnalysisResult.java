package org.deckhand.api.analysis;

import java.util.Map;
import java.util.Objects;

/**
 * What one analyser found in one track.
 *
 * @param analyserId the {@link AnalyserDescriptor#id() id} of the analyser that produced it
 * @param analyserVersion the {@link AnalyserDescriptor#version() version} of that analyser
 * @param values the values by field name, each of the Java type its {@link ValueType} names; a field may be absent
 *     when the analyser has no value for this track
 */
public record AnalysisResult(String analyserId, String analyserVersion, Map<String, Object> values) {

    /**
     * @throws NullPointerException if any argument or value is null
     */
    public AnalysisResult {
        Objects.requireNonNull(analyserId, "analyserId");
        Objects.requireNonNull(analyserVersion, "analyserVersion");
        values = Map.copyOf(values);
    }

    /**
     * Starts a result for the analyser that {@code descriptor} describes.
     *
     * @param descriptor the analyser's descriptor
     * @param values its values by field name
     * @return the result
     */
    public static AnalysisResult of(AnalyserDescriptor descriptor, Map<String, Object> values) {
        return new AnalysisResult(descriptor.id(), descriptor.version(), values);
    }
}
