/**
 * The server's one embedded database engine, which the bundles that keep a database of their own (the catalog, the
 * notifier's outbox) open their databases in.
 */
@Export
@Version("1.0.0")
package org.deckhand.api.database;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
