/**
 * Tracklists of mixes: the model of a mix's tracklist from a site such as 1001Tracklists or MixesDB, pasted text or
 * a CUE sheet; the {@link org.deckhand.api.tracklist.TracklistSource} service interface through which a bundle or a
 * plugin adds a site, and the {@link org.deckhand.api.tracklist.PoliteFetcher} the server lends it; the matches of a
 * tracklist's entries to the library's tracks and their storage.
 */
@Export
@Version("1.0.0")
package org.deckhand.api.tracklist;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
