package org.deckhand.rest.internal;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.deckhand.api.security.Authentication;
import org.deckhand.api.security.Authenticator;

/**
 * Lets a request through to its resource only when the {@link Authenticator} grants it, unless the resource method
 * or its class is {@link PermitAll}: by its {@code Authorization} header or, without one, by a browser's session
 * cookie. A request that changes something on the strength of the cookie alone must also carry
 * {@value #CSRF_HEADER}{@code : }{@value #CSRF_VALUE}, which another site's page cannot send without the server's
 * consent (cross-site request forgery). Refusals are problem documents: 401 with the schemes a client may use, 403
 * without that header, 429 with {@code Retry-After} when the client failed too often, or 503 with
 * {@code Retry-After} when the server could not check the password in time.
 */
@Priority(Priorities.AUTHENTICATION)
final class AuthenticationFilter implements ContainerRequestFilter {

    /** The header a cookie-authenticated request must carry unless it is a GET or HEAD. */
    static final String CSRF_HEADER = "X-Requested-With";
    /** The value of {@link #CSRF_HEADER} that the web console sends. */
    static final String CSRF_VALUE = "deckhand";

    private final Authenticator authenticator;

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private HttpServletRequest servletRequest;

    AuthenticationFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (isPublic()) {
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Cookie session = request.getCookies().get(Authenticator.SESSION_COOKIE);
        boolean bySession = authorization == null && session != null;
        Authentication result = bySession ? authenticator.authenticateSession(session.getValue())
                : authenticator.authenticate(authorization, servletRequest.getRemoteAddr());
        String path = "/" + request.getUriInfo().getPath();
        if (bySession && result.outcome() == Authentication.Outcome.GRANTED && changesSomething(request)
                && !CSRF_VALUE.equals(request.getHeaderString(CSRF_HEADER))) {
            request.abortWith(ProblemDetails.of(Response.Status.FORBIDDEN, "A request signed in by the session "
                    + "cookie must carry the header " + CSRF_HEADER + ": " + CSRF_VALUE + ".", path).toResponse()
                    .build());
            return;
        }
        switch (result.outcome()) {
            case GRANTED -> request.setSecurityContext(new ApiSecurityContext(result.principal(),
                    request.getSecurityContext().isSecure()));
            case THROTTLED -> request.abortWith(ProblemDetails.of(Response.Status.TOO_MANY_REQUESTS,
                    "Too many failed sign-ins from this address; try again in " + result.retryAfterSeconds() + " s.",
                    path).toResponse().header(HttpHeaders.RETRY_AFTER, result.retryAfterSeconds()).build());
            case BUSY -> request.abortWith(ProblemDetails.of(Response.Status.SERVICE_UNAVAILABLE,
                    "The server is checking as many passwords as it allows at once; try again in "
                    + result.retryAfterSeconds() + " s, or sign in with an API key or a session, which need no "
                    + "password check.", path).toResponse()
                    .header(HttpHeaders.RETRY_AFTER, result.retryAfterSeconds()).build());
            case MISSING -> request.abortWith(unauthorized(request, path,
                    "Sign in: send HTTP Basic credentials (user admin) or an API key as a Bearer token."));
            case DENIED -> request.abortWith(unauthorized(request, path, bySession
                    ? "The session has ended; sign in again."
                    : "The credentials are wrong, or the API key is unknown or revoked."));
        }
    }

    /**
     * A 401 with the schemes a client may use. The web console, which says so with {@value #CSRF_HEADER}, is not
     * offered Basic: a browser would answer that challenge with its own sign-in dialog instead of the console's page.
     */
    private static Response unauthorized(ContainerRequestContext request, String path, String detail) {
        Response.ResponseBuilder response = ProblemDetails.of(Response.Status.UNAUTHORIZED, detail, path).toResponse();
        if (!CSRF_VALUE.equals(request.getHeaderString(CSRF_HEADER))) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Deckhand\", charset=\"UTF-8\"");
        }
        return response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Deckhand\"").build();
    }

    private static boolean changesSomething(ContainerRequestContext request) {
        return !HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod());
    }

    private boolean isPublic() {
        return resourceInfo.getResourceMethod() != null
                && (resourceInfo.getResourceMethod().isAnnotationPresent(PermitAll.class)
                        || resourceInfo.getResourceClass().isAnnotationPresent(PermitAll.class));
    }

    private record ApiSecurityContext(String name, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return () -> name;
        }

        @Override
        public boolean isUserInRole(String role) {
            return "admin".equals(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return name.startsWith("apikey:") ? "Bearer" : SecurityContext.BASIC_AUTH;
        }
    }
}
