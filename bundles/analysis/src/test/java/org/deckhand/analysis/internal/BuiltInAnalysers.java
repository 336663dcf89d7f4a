package org.deckhand.analysis.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import org.deckhand.analysers.energy.EnergyAnalyser;
import org.deckhand.analysers.key.KeyAnalyser;
import org.deckhand.analysers.key.KeyConfiguration;
import org.deckhand.analysers.loudness.LoudnessAnalyser;
import org.deckhand.analysers.tempo.BeatGridAnalyser;
import org.deckhand.analysers.tempo.TempoAnalyser;
import org.deckhand.analysers.tempo.TempoConfiguration;
import org.deckhand.analysers.waveform.WaveformAnalyser;
import org.deckhand.api.analysis.Analyser;

/**
 * The analysers the analysers bundle registers, built as Declarative Services builds them on a server with no
 * configuration: through their activating constructors, with every configuration attribute at its default.
 */
final class BuiltInAnalysers {

    private BuiltInAnalysers() {
    }

    /** @return tempo, beat grid, key, loudness, energy and waveform, as a fresh server runs them */
    static List<Analyser> create() {
        return List.of(new TempoAnalyser(defaults(TempoConfiguration.class)),
                new BeatGridAnalyser(defaults(TempoConfiguration.class)),
                new KeyAnalyser(defaults(KeyConfiguration.class)),
                new LoudnessAnalyser(), new EnergyAnalyser(), new WaveformAnalyser());
    }

    /**
     * @param type a component property type
     * @return an instance whose every attribute returns its declared default, as DS gives a component with no
     *     configuration
     * @throws IllegalArgumentException if an attribute of {@code type} has no default
     */
    static <A extends Annotation> A defaults(Class<A> type) {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "annotationType" -> type;
            case "toString" -> "defaults of " + type.getName();
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> defaultValue(type, method);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object defaultValue(Class<?> type, Method attribute) {
        Object value = attribute.getDefaultValue();
        if (value == null) {
            throw new IllegalArgumentException(type.getName() + "." + attribute.getName() + " has no default");
        }
        return value;
    }
}
