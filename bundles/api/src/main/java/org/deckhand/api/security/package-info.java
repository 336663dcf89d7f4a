/**
 * Authentication of API clients, which the REST bundle asks before it serves a request, and secrets a bundle keeps
 * encrypted under a key of its own ({@link org.deckhand.api.security.SealedSecrets}).
 */
@Export
@Version("1.4.0")
package org.deckhand.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
