package org.deckhand.plugins.internal;

import java.util.List;
import java.util.Map;

/**
 * A plugin as the API shows it.
 *
 * @param id its id: the bundle's symbolic name, or the file name for a file that is not a bundle
 * @param file the jar's file name in the plugins folder, or {@code null} when the file is gone
 * @param symbolicName the bundle's symbolic name, {@code null} for a file that is not a bundle
 * @param version the bundle's version
 * @param name the bundle's human-readable name (Bundle-Name)
 * @param bundleId the framework's bundle id, {@code null} while not installed
 * @param state {@code PENDING} (in the folder, not yet installed), {@code INVALID} (not a bundle),
 *     {@code QUARANTINED} (not started because its start failed or the server stopped during it; {@code error} says
 *     which), {@code REMOVED} (gone, but threads of it still run), or the bundle's state: {@code INSTALLED} (not
 *     resolved), {@code RESOLVED}, {@code STARTING}, {@code ACTIVE}, {@code STOPPING}
 * @param services the services the plugin registered
 * @param components its Declarative Services components and their states
 * @param error why the plugin does not work, for the user; {@code null} when it does
 * @param runawayThreads the names of threads that a removed version of the plugin left running
 */
public record PluginView(String id, String file, String symbolicName, String version, String name, Long bundleId,
        String state, List<ServiceView> services, List<ComponentView> components, String error,
        List<String> runawayThreads) {

    /**
     * @param threads the names of threads that a removed version of the plugin left running
     * @return this plugin with those threads
     */
    PluginView withRunawayThreads(List<String> threads) {
        return new PluginView(id, file, symbolicName, version, name, bundleId, state, services, components, error,
                threads);
    }

    /**
     * A service a plugin registered.
     *
     * @param id the service id
     * @param objectClass the interfaces it is registered under
     * @param properties its properties, besides the framework's own
     */
    public record ServiceView(long id, List<String> objectClass, Map<String, Object> properties) {
    }

    /**
     * A Declarative Services component.
     *
     * @param name its name
     * @param state {@code ACTIVE}, {@code SATISFIED}, {@code UNSATISFIED_REFERENCE},
     *     {@code UNSATISFIED_CONFIGURATION}, {@code FAILED_ACTIVATION} or {@code DISABLED}
     * @param failure why it failed to activate, when it did
     */
    public record ComponentView(String name, String state, String failure) {
    }
}
