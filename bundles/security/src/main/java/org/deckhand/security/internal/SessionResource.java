package org.deckhand.security.internal;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.deckhand.api.rest.RestResource;
import org.deckhand.api.security.Authenticator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/session}: a browser signs in once, with the admin password or an API key, and then carries an
 * HttpOnly, SameSite=Strict session cookie, which also works where it cannot send headers: audio and image elements,
 * event streams.
 */
@Component(service = RestResource.class)
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
public final class SessionResource implements RestResource {

    private final Authenticator authenticator;

    /** @param authenticator opens and ends the sessions */
    @Activate
    public SessionResource(@Reference Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /**
     * Signs a browser in: the request's credentials were checked on the way in.
     *
     * @param security who the caller is
     * @return 204, setting the session cookie
     */
    @POST
    public Response open(@Context SecurityContext security) {
        String session = authenticator.openSession(security.getUserPrincipal().getName());
        return Response.noContent().cookie(cookie(session, NewCookie.DEFAULT_MAX_AGE, security.isSecure())).build();
    }

    /**
     * @param security who the caller is
     * @return who is signed in, and how
     */
    @GET
    public SessionView current(@Context SecurityContext security) {
        String principal = security.getUserPrincipal().getName();
        return ApiKey.idOf(principal).isPresent() ? new SessionView(ApiKey.nameOf(principal), "api-key")
                : new SessionView(principal, "password");
    }

    /**
     * Signs a browser out.
     *
     * @param session the session cookie, if any
     * @param security how the request came in
     * @return 204, clearing the cookie
     */
    @DELETE
    public Response close(@CookieParam(Authenticator.SESSION_COOKIE) String session,
            @Context SecurityContext security) {
        if (session != null) {
            authenticator.closeSession(session);
        }
        return Response.noContent().cookie(cookie("", 0, security.isSecure())).build();
    }

    private static NewCookie cookie(String value, int maxAgeSeconds, boolean secure) {
        return new NewCookie.Builder(Authenticator.SESSION_COOKIE).value(value).path("/").maxAge(maxAgeSeconds)
                .httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
    }

    /**
     * @param user who is signed in: {@code admin}, or the API key's name
     * @param method how: {@code password} or {@code api-key}
     */
    public record SessionView(String user, String method) {
    }
}
