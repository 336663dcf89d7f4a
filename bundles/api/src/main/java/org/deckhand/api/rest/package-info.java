/**
 * How a bundle contributes to the REST API: register a Jakarta REST resource as an OSGi service of type
 * {@link org.deckhand.api.rest.RestResource}.
 */
@Export
@Version("1.1.0")
package org.deckhand.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
