package org.deckhand.rest.internal;

/**
 * A service whose {@link org.deckhand.api.rest.RestResource#MOUNTED_RESOURCES_PROPERTY} property says how many
 * resources the API serves now; it has no methods.
 */
final class ApiMount {
}
