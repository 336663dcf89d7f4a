package org.deckhand.analysis.internal;

import java.util.Map;
import org.deckhand.api.analysis.AnalyserDescriptor;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.analysis.ResultField;
import org.deckhand.api.analysis.ValueType;

/** Checks that a result holds only the fields its analyser declares, each of its declared type. */
final class ResultCheck {

    private ResultCheck() {
    }

    /**
     * @throws AnalysisException naming the first field that is undeclared or of the wrong type
     */
    static void check(AnalyserDescriptor descriptor, AnalysisResult result) throws AnalysisException {
        if (!descriptor.id().equals(result.analyserId())) {
            throw new AnalysisException("it returned a result of analyser " + result.analyserId());
        }
        for (Map.Entry<String, Object> value : result.values().entrySet()) {
            ResultField field = descriptor.fields().stream().filter(f -> f.name().equals(value.getKey()))
                    .findFirst().orElseThrow(() -> new AnalysisException(
                            "it returned field " + value.getKey() + ", which its descriptor does not declare"));
            if (!javaType(field.type()).isInstance(value.getValue())) {
                throw new AnalysisException("it returned field " + field.name() + " as a "
                        + value.getValue().getClass().getSimpleName() + ", not the " + field.type() + " it declares");
            }
        }
    }

    private static Class<?> javaType(ValueType type) {
        return switch (type) {
            case NUMBER -> Double.class;
            case INTEGER -> Long.class;
            case TEXT -> String.class;
            case BOOLEAN -> Boolean.class;
            case NUMBER_ARRAY -> float[].class;
            case BINARY -> byte[].class;
        };
    }
}
