/**
 * The catalog, the library's system of record: every track with its file, tags, audio facts and analysis results,
 * the files that could not be read, and the library's statistics.
 */
@Export
@Version("1.0.0")
package org.deckhand.api.catalog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
