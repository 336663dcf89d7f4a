package org.deckhand.system.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.deckhand.api.rest.RestResource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code /api/v1/health}, open to anyone, for load balancers, Docker and systemd: 200 when every core bundle is
 * active, 503 otherwise, with each bundle's state. Plugins do not count: a broken plugin leaves the server healthy.
 */
@Component(service = RestResource.class)
@Path("health")
@PermitAll
public final class HealthResource implements RestResource {

    private final CoreBundles bundles;

    /**
     * @param context this bundle's context, to read the bundles' states
     */
    @Activate
    public HealthResource(BundleContext context) {
        this.bundles = new CoreBundles(context);
    }

    /**
     * @return 200 with status {@code UP} when the server is ready, 503 with status {@code DOWN} and the bundles that
     *     are not otherwise
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        List<BundleStatus> statuses = bundles.statuses();
        List<String> notReady = statuses.stream().filter(s -> !s.healthy()).map(BundleStatus::symbolicName).toList();
        Health health = new Health(notReady.isEmpty() ? "UP" : "DOWN", true, notReady.isEmpty(), notReady, statuses);
        return Response.status(health.ready() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(health).build();
    }

    /**
     * The server's health.
     *
     * @param status {@code UP} or {@code DOWN}
     * @param live always true: the server answered
     * @param ready whether every core bundle is active
     * @param notReady the symbolic names of the core bundles that are not
     * @param bundles every core bundle with its state
     */
    public record Health(String status, boolean live, boolean ready, List<String> notReady,
            List<BundleStatus> bundles) {
    }
}
