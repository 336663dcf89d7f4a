/**
 * Files the server writes for itself (its journals, keys, credential hashes, settings), replaced so that a crash or
 * a power cut at any moment leaves either the old file or the new one.
 */
@Export
@Version("1.0.0")
package org.deckhand.api.io;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
