package org.deckhand.system.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/**
 * One bundle as the API shows it.
 *
 * @param id the framework's bundle id
 * @param symbolicName its symbolic name
 * @param version its version
 * @param state its state in upper case: {@code INSTALLED}, {@code RESOLVED}, {@code STARTING}, {@code ACTIVE},
 *     {@code STOPPING} or {@code UNINSTALLED}
 * @param fragment whether it is a fragment, which is never active
 */
public record BundleStatus(long id, String symbolicName, String version, String state, boolean fragment) {

    /**
     * @param bundle a bundle
     * @return its status now
     */
    static BundleStatus of(Bundle bundle) {
        return new BundleStatus(bundle.getBundleId(), bundle.getSymbolicName(), bundle.getVersion().toString(),
                stateName(bundle.getState()), bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null);
    }

    /**
     * @param state a bundle state constant from {@link Bundle}
     * @return its name
     */
    static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

    /**
     * @return whether the bundle does what it is there for: active, or resolved for a fragment
     */
    boolean healthy() {
        return fragment ? !"INSTALLED".equals(state) && !"UNINSTALLED".equals(state) : "ACTIVE".equals(state);
    }
}
