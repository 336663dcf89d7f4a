package org.deckhand.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.CharConversionException;
import java.util.List;
import java.util.Locale;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception a resource throws into an RFC 9457 problem document. A {@link WebApplicationException} keeps
 * its status and headers and its message becomes the detail; malformed JSON in a request body is a 400 that says where,
 * and so is a body that is not text in the encoding Jackson detects from its first bytes (RFC 8259, section 8.1, and
 * RFC 4627, section 3: UTF-8, UTF-16 or UTF-32), which Jackson reports with a plain {@link CharConversionException};
 * anything else is a 500 whose cause is logged, not shown. A query, matrix, header, cookie or form parameter that
 * cannot be converted to its type (a word where a number belongs, a number too large for an {@code int}) is a 400 that
 * names it, where Jakarta REST would answer 404 for a query parameter (section 3.2); a path parameter stays 404, since
 * the path then names no resource.
 */
final class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionMapper.class);

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        String path = "/" + uriInfo.getPath();
        if (exception instanceof ParamException param && !(param instanceof ParamException.PathParamException)) {
            return ProblemDetails.of(Response.Status.BAD_REQUEST, unreadable(param), path).toResponse().build();
        }
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
        if (exception instanceof CharConversionException encoding) {
            return ProblemDetails.of(Response.Status.BAD_REQUEST, "Malformed JSON in the request body: the body is "
                    + "not text in UTF-8, UTF-16 or UTF-32 (" + encoding.getMessage() + ")", path).toResponse().build();
        }
        LOG.error("Request {} failed", path, exception);
        return ProblemDetails.of(Response.Status.INTERNAL_SERVER_ERROR,
                "The server failed on this request; its log says why.", path).toResponse().build();
    }

    /** @return what is wrong with a parameter that could not be converted to its type, naming it */
    private String unreadable(ParamException param) {
        String kind = param.getParameterType().getSimpleName().replace("Param", "").toLowerCase(Locale.ROOT);
        StringBuilder detail = new StringBuilder("The ").append(kind).append(" parameter ")
                .append(param.getParameterName());
        if (param instanceof ParamException.QueryParamException) {
            List<String> values = uriInfo.getQueryParameters().get(param.getParameterName());
            if (values != null && !values.isEmpty()) {
                detail.append(" cannot be '").append(values.get(0)).append('\'');
            }
        }
        detail.append(": it is not a value of the parameter's type, which the OpenAPI document gives");
        Throwable cause = param.getCause();
        while (cause != null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause != null && cause.getMessage() != null) {
            detail.append(" (").append(cause.getMessage()).append(')');
        }
        return detail.append('.').toString();
    }

    private static String locationOf(JsonProcessingException json) {
        return json.getLocation() == null ? ""
                : " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
    }
}
