package org.deckhand.rest.internal;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.deckhand.api.security.Authentication;
import org.deckhand.api.security.Authenticator;

/**
 * Lets a request through to its resource only when the {@link Authenticator} grants it, unless the resource method
 * or its class is {@link PermitAll}. Refusals are problem documents: 401 with the schemes a client may use, or 429
 * with {@code Retry-After} when the client failed too often.
 */
@Priority(Priorities.AUTHENTICATION)
final class AuthenticationFilter implements ContainerRequestFilter {

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
        Authentication result = authenticator.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                servletRequest.getRemoteAddr());
        String path = "/" + request.getUriInfo().getPath();
        switch (result.outcome()) {
            case GRANTED -> request.setSecurityContext(new ApiSecurityContext(result.principal(),
                    request.getSecurityContext().isSecure()));
            case THROTTLED -> request.abortWith(ProblemDetails.of(Response.Status.TOO_MANY_REQUESTS,
                    "Too many failed sign-ins from this address; try again in " + result.retryAfterSeconds() + " s.",
                    path).toResponse().header(HttpHeaders.RETRY_AFTER, result.retryAfterSeconds()).build());
            case MISSING, DENIED -> request.abortWith(ProblemDetails.of(Response.Status.UNAUTHORIZED,
                    result.outcome() == Authentication.Outcome.MISSING
                            ? "Sign in: send HTTP Basic credentials (user admin) or an API key as a Bearer token."
                            : "The credentials are wrong, or the API key is unknown or revoked.",
                    path).toResponse()
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Deckhand\", charset=\"UTF-8\"")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Deckhand\"")
                    .build());
        }
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
