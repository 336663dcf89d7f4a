package org.deckhand.security.internal;

import java.util.Map;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the security bundle's EventAdmin events ({@code org/deckhand/security/...}, see {@link Topics}),
 * asynchronously. No event carries a password, a token or anything else a client sent: they reach every client of
 * the server's event stream and every notification channel. An event that cannot be posted (EventAdmin going away)
 * is logged and the request carries on.
 */
final class SecurityEvents {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityEvents.class);

    private final EventAdmin eventAdmin;

    /** @param eventAdmin where the events go */
    SecurityEvents(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    /**
     * @param address the address or IPv6 network ({@code NETWORK/64}) whose sign-ins are now refused
     * @param failures how many sign-ins of it failed within the window
     * @param windowSeconds the window, seconds
     */
    void throttled(String address, int failures, long windowSeconds) {
        post(Topics.SECURITY_SIGNIN_THROTTLED, Map.of(EventProperties.CLIENT_ADDRESS, address,
                EventProperties.FAILED_COUNT, (long) failures, EventProperties.WINDOW_SECONDS, windowSeconds));
    }

    /** @param key the key just created */
    void keyCreated(ApiKey key) {
        post(Topics.SECURITY_APIKEY_CREATED, Map.of(EventProperties.KEY_ID, key.id(),
                EventProperties.KEY_NAME, key.name()));
    }

    /** @param key the key just revoked */
    void keyRevoked(ApiKey key) {
        post(Topics.SECURITY_APIKEY_REVOKED, Map.of(EventProperties.KEY_ID, key.id(),
                EventProperties.KEY_NAME, key.name()));
    }

    private void post(String topic, Map<String, Object> properties) {
        try {
            eventAdmin.postEvent(new Event(topic, properties));
        } catch (RuntimeException e) {
            LOG.warn("The security event {} could not be posted: {}", topic, e.toString());
        }
    }
}
