package org.deckhand.api.rest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marks a Jakarta REST (JAX-RS) root resource that a bundle contributes to the REST API. Register the resource
 * object as an OSGi service of this type, for example with {@code @Component(service = RestResource.class)}; its
 * {@code @Path} is mounted under {@value #BASE_PATH}. The resource appears in the API while the service is
 * registered and leaves it when the service goes away.
 *
 * <p>Every method requires an authenticated caller unless it, or its class, is annotated
 * {@code jakarta.annotation.security.PermitAll}. Errors thrown as {@code jakarta.ws.rs.WebApplicationException} reach
 * the client as RFC 9457 {@code application/problem+json} documents.
 *
 * <p>A request body that the method takes as an object (a JSON document, a {@code String}, bytes) is read only up to
 * the API's limit, 1 MiB unless the setting {@code maxBodyKibibytes} of {@code org.deckhand.rest} says otherwise;
 * a larger one is refused with 413. A method that takes the body as a {@code java.io.InputStream} reads it itself
 * and must bound what it reads, as the plugin upload does.
 */
@ConsumerType
public interface RestResource {

    /** The path under which every resource is mounted. */
    String BASE_PATH = "/api/v1";

    /**
     * A service property of a service the REST bundle registers: how many {@code RestResource} services the API
     * serves now ({@link Integer}). While it is lower than the number registered, the API is being rebuilt to include the newer
     * ones, and the server is not ready.
     */
    String MOUNTED_RESOURCES_PROPERTY = "deckhand.rest.resources";
}
