package org.deckhand.system.internal;

import java.nio.file.Path;
import java.util.Map;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the health monitor's EventAdmin events ({@code org/deckhand/health/disk} and {@code health/bundle}, see
 * {@link Topics}), asynchronously. An event that cannot be posted (EventAdmin going away) is logged and the monitor
 * carries on.
 */
final class HealthEvents {

    private static final Logger LOG = LoggerFactory.getLogger(HealthEvents.class);

    private final EventAdmin eventAdmin;

    /** @param eventAdmin where the events go */
    HealthEvents(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    /**
     * @param folder the data folder or music folder on the file store
     * @param freeBytes usable space left on the store, bytes
     * @param sizeBytes the store's size, bytes
     * @param nearlyFull whether it is nearly full, not merely low
     */
    void diskLow(Path folder, long freeBytes, long sizeBytes, boolean nearlyFull) {
        post(Topics.HEALTH_DISK_LOW, Map.of(EventProperties.PATH, folder.toString(),
                EventProperties.FREE_BYTES, freeBytes, EventProperties.SIZE_BYTES, sizeBytes,
                EventProperties.NEARLY_FULL, nearlyFull));
    }

    /**
     * @param symbolicName the bundle's symbolic name
     * @param state its state, such as {@code RESOLVED}
     */
    void bundleInactive(String symbolicName, String state) {
        post(Topics.HEALTH_BUNDLE_INACTIVE, Map.of(EventProperties.SYMBOLIC_NAME, symbolicName,
                EventProperties.STATE, state));
    }

    private void post(String topic, Map<String, Object> properties) {
        try {
            eventAdmin.postEvent(new Event(topic, properties));
        } catch (RuntimeException e) {
            LOG.warn("The health event {} could not be posted: {}", topic, e.toString());
        }
    }
}
