/**
 * Search over the library: a query language a DJ types, such as {@code techno bpm:124..128 key:8A~}, and the index
 * that answers it.
 */
@Export
@Version("1.0.0")
package org.deckhand.api.search;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
