package org.deckhand.rest.internal;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An error as RFC 9457 "Problem Details for HTTP APIs" describes it, serialised as
 * {@code application/problem+json}.
 *
 * @param type a URI that identifies the kind of problem; {@code about:blank} when the HTTP status says it all
 * @param title the HTTP status's reason phrase
 * @param status the HTTP status code
 * @param detail what went wrong with this request, for a person to read
 * @param instance the path of the request concerned
 */
public record ProblemDetails(String type, String title, int status, String detail, String instance) {

    /** The media type of a problem document, RFC 9457 section 3. */
    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    /**
     * @param status the HTTP status
     * @param detail what went wrong, for a person to read
     * @param instance the path of the request concerned
     * @return the problem, with {@code about:blank} as its type and the status's reason phrase as its title
     */
    public static ProblemDetails of(Response.StatusType status, String detail, String instance) {
        return new ProblemDetails("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, instance);
    }

    /**
     * @return a response that carries this problem, with its status
     */
    public Response.ResponseBuilder toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }
}
