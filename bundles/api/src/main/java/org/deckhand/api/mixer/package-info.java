/**
 * The streaming mixer's live mixes as other bundles see them: the {@link org.deckhand.api.mixer.LiveMixes} service
 * lists the mixes that play and starts one from a search, so that the Subsonic API can offer them as internet radio
 * stations and the Discord bot can start one for players on the network.
 */
@Export
@Version("1.0.0")
package org.deckhand.api.mixer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
