/** Facts about the running server that the kernel hands to every bundle as framework properties. */
@Export
@Version("2.0.0")
package org.deckhand.api.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
