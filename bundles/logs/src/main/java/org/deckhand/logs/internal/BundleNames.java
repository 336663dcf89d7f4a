package org.deckhand.logs.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Tells which bundle a logger belongs to, by name: the bundle whose symbolic name is the longest prefix of the
 * logger's, package by package ({@code org.deckhand.watcher.internal.LibraryWatcher} belongs to
 * {@code org.deckhand.watcher}, {@code org.eclipse.jetty.server.Server} to {@code org.eclipse.jetty.server}).
 */
final class BundleNames {

    private final List<String> longestFirst;

    BundleNames(BundleContext context) {
        longestFirst = Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName).filter(Objects::nonNull)
                .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** @return the bundle's symbolic name, or null when no bundle's name prefixes the logger's */
    String bundleOf(String loggerName) {
        return longestFirst.stream()
                .filter(name -> loggerName.equals(name) || loggerName.startsWith(name + "."))
                .findFirst().orElse(null);
    }
}
