package org.deckhand.api.analysis;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The work that the analyses of one track share, by key: the pipeline makes one context for each track's run, hands
 * the same context to every analyser's {@link Analyser#begin(org.deckhand.api.library.Track, PcmFormat, PcmFormat,
 * AnalysisContext) begin} before it sends the first block, and drops it when the run ends, so that what analysers
 * share lives exactly as long as the run and nothing is kept between tracks. Two analyses that ask for the same key
 * get the same object: the first creates it. Thread-safe.
 *
 * <p>Why a context shared by key rather than an analyser with several outputs, as a Vamp plugin has ({@code
 * Plugin::getOutputDescriptors}, one {@code process} call returning a feature set per output), or one analyser that
 * finds every beat fact, as Mixxx's {@code AnalyzerBeats} does: each analyser keeps its own id, version, fields,
 * failure and time budget, which the ledger records per analyser. With several outputs to one analyser, a change to
 * the beat grid's algorithm would run the tempo again over the whole library, a hang in one output would fail the
 * others, and the registry, the ledger and the REST API would have to learn of outputs; merging tempo and beat grid
 * into one analyser would change the ids under which their results are stored and searched. A context costs the
 * analysers that do not share nothing, changes nothing for existing plugins, and lets two analysers of different
 * bundles share work through a key type one of them exports.
 *
 * <p>A key should be a value of the sharing bundle's own type (a record holding the parameters that make the work
 * differ, such as a tempo range), so that keys of different bundles never collide.
 *
 * @since 1.4
 */
public final class AnalysisContext {

    private final Map<Object, Object> shared = new HashMap<>();

    /**
     * Gives the object shared under a key, creating it on the first call for that key.
     *
     * @param key what is shared, compared by {@link Object#equals}
     * @param type the type of the shared object
     * @param create makes the object when no analysis of the run has asked for the key yet; must not return null
     * @param <T> the type of the shared object
     * @return the object every analysis of this run that asks for {@code key} gets
     * @throws NullPointerException if an argument is null or {@code create} returns null
     * @throws IllegalArgumentException if an object of another type is shared under {@code key}
     */
    public synchronized <T> T shared(Object key, Class<T> type, Supplier<? extends T> create) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Object value = shared.get(key);
        if (value == null) {
            value = Objects.requireNonNull(create.get(), "create returned null");
            shared.put(key, value);
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("a " + value.getClass().getName() + " is shared under " + key
                    + ", not a " + type.getName());
        }
        return type.cast(value);
    }
}
