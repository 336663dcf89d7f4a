package org.deckhand.system.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the core bundles (not plugins) that are not active while the framework runs: one that failed to start, or
 * stopped. A bundle is told when two checks in a row found it so, so that a bundle that is being updated or
 * restarted at one check is not told; it is told once, and again only after it has been active again. Bundles
 * starting or stopping at a check count as neither. Not thread-safe: one thread checks.
 */
final class BundleStates {

    private static final Logger LOG = LoggerFactory.getLogger(BundleStates.class);

    /** How many checks in a row must find a bundle not active before it is told. */
    static final int CHECKS_BEFORE_TOLD = 2;

    private final BundleContext context;
    private final CoreBundles bundles;
    private final HealthEvents events;
    private final Map<Long, Integer> inactiveChecks = new HashMap<>();
    private final Set<Long> told = new HashSet<>();

    /**
     * @param context a bundle context, for the framework's state and the bundles
     * @param events where an inactive bundle is told
     */
    BundleStates(BundleContext context, HealthEvents events) {
        this.context = context;
        this.bundles = new CoreBundles(context);
        this.events = events;
    }

    /** Looks at every core bundle and tells those found not active at {@value #CHECKS_BEFORE_TOLD} checks in a row. */
    void check() {
        if (context.getBundle(0).getState() != Bundle.ACTIVE) {
            return;
        }
        Set<Long> present = new HashSet<>();
        bundles.cores().forEach(bundle -> {
            long id = bundle.getBundleId();
            present.add(id);
            int state = bundle.getState();
            if (state == Bundle.STARTING || state == Bundle.STOPPING) {
                return;
            }
            BundleStatus status = BundleStatus.of(bundle);
            if (status.healthy()) {
                inactiveChecks.remove(id);
                told.remove(id);
                return;
            }
            int checks = inactiveChecks.merge(id, 1, Integer::sum);
            if (checks >= CHECKS_BEFORE_TOLD && told.add(id)) {
                LOG.warn("Bundle {} is not active: {}", status.symbolicName(), status.state());
                events.bundleInactive(String.valueOf(status.symbolicName()), status.state());
            }
        });
        inactiveChecks.keySet().retainAll(present);
        told.retainAll(present);
    }
}
