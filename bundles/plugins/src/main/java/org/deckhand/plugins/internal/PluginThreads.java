package org.deckhand.plugins.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * What tells a plugin's threads apart, taken while its bundle stops and its wiring is still current: its class loader
 * and the names of its classes (those of the bundle and of the jars on its Bundle-ClassPath). A thread belongs to the
 * plugin when its own class or its context class loader comes from that class loader, or a frame of its stack runs
 * one of those classes. Asked after the plugin was removed, the threads that still belong to it are its runaway
 * threads: nothing stopped them when the plugin was stopped.
 */
final class PluginThreads {

    private final ClassLoader loader;
    private final Set<String> classNames;

    private PluginThreads(ClassLoader loader, Set<String> classNames) {
        this.loader = loader;
        this.classNames = classNames;
    }

    /**
     * @param bundle a plugin bundle that is stopping or has just stopped
     * @return what tells its threads apart, or nothing if the bundle has no class loader
     */
    static PluginThreads of(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null || wiring.getClassLoader() == null) {
            return new PluginThreads(null, Set.of());
        }
        Set<String> classNames = wiring.listResources("/", "*.class",
                BundleWiring.LISTRESOURCES_RECURSE | BundleWiring.LISTRESOURCES_LOCAL).stream()
                .map(resource -> resource.substring(0, resource.length() - ".class".length()).replace('/', '.'))
                .collect(Collectors.toUnmodifiableSet());
        return new PluginThreads(wiring.getClassLoader(), classNames);
    }

    /** @return the live threads, other than the caller's, that belong to the plugin now */
    List<Thread> running() {
        if (loader == null) {
            return List.of();
        }
        Thread self = Thread.currentThread();
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey() != self && e.getKey().isAlive() && belongs(e.getKey(), e.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    private boolean belongs(Thread thread, StackTraceElement[] stack) {
        if (thread.getClass().getClassLoader() == loader || thread.getContextClassLoader() == loader) {
            return true;
        }
        for (StackTraceElement frame : stack) {
            if (classNames.contains(frame.getClassName())) {
                return true;
            }
        }
        return false;
    }
}
