package org.deckhand.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Refuses TRACE (RFC 9110 section 9.3.8), and the TRACK of some servers, everywhere on the HTTP server, with 405 and
 * a problem document: a servlet answers TRACE by echoing the request, which a script of another site could use to
 * read headers it cannot see otherwise (cross-site tracing), and no Deckhand client needs it. A filter of the HTTP
 * whiteboard in front of every servlet of every servlet context, the web console's and plugins' included.
 */
@Component(service = Filter.class, property = {
    "osgi.http.whiteboard.filter.pattern=/*",
    "osgi.http.whiteboard.filter.name=deckhand-trace-refusal",
    "osgi.http.whiteboard.filter.asyncSupported=true",
    "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=*)"})
public final class TraceRefusal implements Filter {

    private static final Set<String> REFUSED = Set.of("TRACE", "TRACK");
    /** The methods some resource of the server answers; RFC 9110 section 15.5.6 asks a 405 to list them. */
    private static final String ALLOWED = "GET, HEAD, POST, PUT, DELETE, OPTIONS";

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !REFUSED.contains(http.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse refusal = (HttpServletResponse) response;
        byte[] body = json.writeValueAsBytes(ProblemDetails.of(Response.Status.METHOD_NOT_ALLOWED,
                "This server does not answer " + http.getMethod() + ".", http.getRequestURI()));
        refusal.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        refusal.setHeader("Allow", ALLOWED);
        refusal.setContentType(ProblemDetails.MEDIA_TYPE.toString());
        refusal.setContentLength(body.length);
        refusal.getOutputStream().write(body);
    }
}
