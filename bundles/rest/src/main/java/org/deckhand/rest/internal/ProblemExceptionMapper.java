package org.deckhand.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception a resource throws into an RFC 9457 problem document. A {@link WebApplicationException}
 * keeps its status and headers and its message becomes the detail; malformed JSON in a request body is a 400 that
 * says where; anything else is a 500 whose cause is logged, not shown.
 */
final class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionMapper.class);

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        String path = "/" + uriInfo.getPath();
        if (exception instanceof WebApplicationException web) {
            Response original = web.getResponse();
            Response.StatusType status = original.getStatusInfo();
            String detail = web.getMessage() == null || web.getMessage().startsWith("HTTP ")
                    ? status.getReasonPhrase() + ": " + path
                    : web.getMessage();
            Response.ResponseBuilder builder = ProblemDetails.of(status, detail, path).toResponse();
            original.getStringHeaders().forEach((name, values) -> {
                if (!"Content-Type".equalsIgnoreCase(name)) {
                    values.forEach(value -> builder.header(name, value));
                }
            });
            return builder.build();
        }
        if (exception instanceof JsonProcessingException json) {
            return ProblemDetails.of(Response.Status.BAD_REQUEST, "Malformed JSON in the request body: "
                    + json.getOriginalMessage() + locationOf(json), path).toResponse().build();
        }
        LOG.error("Request {} failed", path, exception);
        return ProblemDetails.of(Response.Status.INTERNAL_SERVER_ERROR,
                "The server failed on this request; its log says why.", path).toResponse().build();
    }

    private static String locationOf(JsonProcessingException json) {
        return json.getLocation() == null ? ""
                : " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
    }
}
