/**
 * Music theory a DJ uses: keys on the Camelot wheel and which keys mix well together.
 */
@Export
@Version("1.1.0")
package org.deckhand.api.music;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
