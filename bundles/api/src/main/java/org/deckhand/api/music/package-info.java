/**
 * Music theory a DJ uses: keys on the Camelot wheel, beat grids, and how well one track mixes into another
 * ({@link org.deckhand.api.music.MixCompatibility}).
 */
@Export
@Version("1.2.0")
package org.deckhand.api.music;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
