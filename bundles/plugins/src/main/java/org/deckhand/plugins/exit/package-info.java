/**
 * What the calls of plugins to {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} become: the plugins
 * bundle rewrites them, when a plugin's class is loaded, into calls to {@link org.deckhand.plugins.exit.BlockedExit},
 * which logs and throws a {@link java.lang.SecurityException}. Only rewritten code calls this package.
 */
@Export
@Version("1.0.0")
package org.deckhand.plugins.exit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
