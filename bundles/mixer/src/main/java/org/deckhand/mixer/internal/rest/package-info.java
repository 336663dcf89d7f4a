/** The mixer over HTTP: the {@code /api/v1/mixes} resource and the {@code /stream/*} servlet. Private to the bundle. */
package org.deckhand.mixer.internal.rest;
