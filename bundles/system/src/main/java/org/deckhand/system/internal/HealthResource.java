package org.deckhand.system.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.deckhand.api.rest.RestResource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * {@code /api/v1/health}, open to anyone, for load balancers, Docker and systemd: 200 when every core bundle is
 * active, every component of theirs works and the API serves every resource, 503 otherwise, with each bundle's state and what does not work.
 * Plugins do not count: a broken plugin leaves the server healthy.
 */
@Component(service = RestResource.class)
@Path("health")
@PermitAll
public final class HealthResource implements RestResource {

    private final CoreBundles bundles;
    private final ComponentProblems components;
    private final RestMounting rest;

    /**
     * @param context this bundle's context, to read the bundles' states
     * @param runtime the Declarative Services runtime, to read the components' states
     */
    @Activate
    public HealthResource(BundleContext context, @Reference ServiceComponentRuntime runtime) {
        this.bundles = new CoreBundles(context);
        this.components = new ComponentProblems(runtime);
        this.rest = new RestMounting(context);
    }

    /**
     * @return 200 with status {@code UP} when the server is ready, 503 with status {@code DOWN} and the bundles that
     *     are not otherwise
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        List<BundleStatus> statuses = bundles.statuses();
        List<String> notReady = new ArrayList<>();
        statuses.stream().filter(s -> !s.healthy()).forEach(s -> notReady.add(s.symbolicName() + ": " + s.state()));
        notReady.addAll(components.of(bundles.cores()));
        rest.problem().ifPresent(notReady::add);
        Health health = new Health(notReady.isEmpty() ? "UP" : "DOWN", true, notReady.isEmpty(), notReady, statuses);
        return Response.status(health.ready() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(health).build();
    }

    /**
     * The server's health.
     *
     * @param status {@code UP} or {@code DOWN}
     * @param live always true: the server answered
     * @param ready whether every core bundle is active and its components work
     * @param notReady what does not work: bundles that are not active, such as {@code "org.deckhand.rest: RESOLVED"},
     *     and components that failed or wait, such as {@code "org.deckhand.catalog.internal.DerbyCatalog: failed to
     *     activate"}
     * @param bundles every core bundle with its state
     */
    public record Health(String status, boolean live, boolean ready, List<String> notReady,
            List<BundleStatus> bundles) {
    }
}
