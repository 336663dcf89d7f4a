package org.deckhand.plugins.internal;

import java.nio.file.Path;
import java.util.Map;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts {@link Topics#SECURITY_PLUGIN_UPLOADED} when a plugin jar uploaded over the API lands in the plugins folder:
 * code the server will run came in over the network, which the admin should hear of. An event that cannot be posted
 * (EventAdmin going away) is logged and the upload stands.
 */
final class UploadEvents {

    private static final Logger LOG = LoggerFactory.getLogger(UploadEvents.class);

    private final EventAdmin eventAdmin;

    /** @param eventAdmin where the events go */
    UploadEvents(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    /**
     * @param identity the uploaded bundle's symbolic name and version
     * @param jar where it was stored in the plugins folder
     */
    void uploaded(BundleJar identity, Path jar) {
        try {
            eventAdmin.postEvent(new Event(Topics.SECURITY_PLUGIN_UPLOADED, Map.of(
                    EventProperties.PLUGIN_ID, identity.symbolicName(),
                    EventProperties.VERSION, identity.version(),
                    EventProperties.PATH, jar.toString())));
        } catch (RuntimeException e) {
            LOG.warn("The upload of plugin {} could not be posted: {}", identity.symbolicName(), e.toString());
        }
    }
}
