/** Authentication of API clients, which the REST bundle asks before it serves a request. */
@Export
@Version("1.3.0")
package org.deckhand.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
