/**
 * EventAdmin topic names and event property keys. Every Deckhand topic lies under {@value
 * org.deckhand.api.event.Topics#ROOT}; the REST API relays all of them to clients over Server-Sent Events.
 */
@Export
@Version("1.4.0")
package org.deckhand.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
