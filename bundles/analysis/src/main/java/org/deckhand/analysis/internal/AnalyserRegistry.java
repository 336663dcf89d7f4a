package org.deckhand.analysis.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.deckhand.api.analysis.Analyser;
import org.deckhand.api.analysis.AnalyserDescriptor;
import org.deckhand.api.catalog.AnalyserRun;

/**
 * The analysers registered now, by id, each with the descriptor it gave when it appeared. Thread-safe.
 */
final class AnalyserRegistry {

    private final Map<String, Entry> byId = new ConcurrentSkipListMap<>();

    /**
     * Adds an analyser, unless one with the same id is registered already.
     *
     * @return whether it was added
     */
    boolean add(Analyser analyser, AnalyserDescriptor descriptor) {
        return byId.putIfAbsent(descriptor.id(),
                new Entry(analyser, descriptor, new AtomicInteger(), new AtomicBoolean())) == null;
    }

    /** Removes an analyser, if it is the one registered under its id, and marks it withdrawn. */
    void remove(Analyser analyser) {
        byId.values().removeIf(entry -> {
            if (entry.analyser() != analyser) {
                return false;
            }
            entry.withdrawn().set(true);
            return true;
        });
    }

    /** @return the analysers registered now, by id */
    Collection<Entry> all() {
        return List.copyOf(byId.values());
    }

    /**
     * @param runs the runs a track has had
     * @return the analysers that have not run over it at their current version
     */
    List<Entry> due(List<AnalyserRun> runs) {
        Set<String> ran = runs.stream().map(run -> run.analyserId() + "\n" + run.analyserVersion())
                .collect(Collectors.toSet());
        return byId.values().stream()
                .filter(entry -> !ran.contains(entry.descriptor().id() + "\n" + entry.descriptor().version()))
                .toList();
    }

    /**
     * An analyser and its descriptor.
     *
     * @param analyser the service
     * @param descriptor what it declared when it appeared
     * @param hangsInARow on how many tracks in a row it hung; reset by a run that returns
     * @param withdrawn whether its service has gone (its plugin stopped, updated or uninstalled)
     */
    record Entry(Analyser analyser, AnalyserDescriptor descriptor, AtomicInteger hangsInARow,
            AtomicBoolean withdrawn) {

        /**
         * After this many hangs in a row an analyser is quarantined: each hang leaves a thread stuck in it, and a
         * library of 100,000 tracks must not leave as many.
         */
        static final int QUARANTINE_AFTER_HANGS = 3;

        /** @return whether it hung too often to be called again until its service comes back */
        boolean quarantined() {
            return hangsInARow.get() >= QUARANTINE_AFTER_HANGS;
        }
    }
}
