package org.deckhand.system.internal;

import java.util.Arrays;
import java.util.Optional;
import org.deckhand.api.rest.RestResource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Tells whether the REST API serves every resource that bundles registered: the service of highest ranking that
 * carries {@link RestResource#MOUNTED_RESOURCES_PROPERTY} must give the number of {@link RestResource} services.
 */
final class RestMounting {

    private final BundleContext context;

    RestMounting(BundleContext context) {
        this.context = context;
    }

    /**
     * @return empty when the API serves every registered resource, otherwise what is wrong
     */
    Optional<String> problem() {
        try {
            ServiceReference<?>[] servlets = context.getAllServiceReferences(null,
                    "(" + RestResource.MOUNTED_RESOURCES_PROPERTY + "=*)");
            ServiceReference<?>[] resources = context.getAllServiceReferences(RestResource.class.getName(), null);
            int registered = resources == null ? 0 : resources.length;
            Optional<Integer> mounted = servlets == null ? Optional.empty() : Arrays.stream(servlets)
                    .max((a, b) -> Integer.compare(ranking(a), ranking(b)))
                    .map(s -> (Integer) s.getProperty(RestResource.MOUNTED_RESOURCES_PROPERTY));
            if (mounted.isEmpty() || mounted.get() != registered) {
                return Optional.of("org.deckhand.rest: the API is being rebuilt to serve " + registered
                        + " resources");
            }
            return Optional.empty();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int ranking(ServiceReference<?> reference) {
        Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
        return ranking instanceof Integer value ? value : 0;
    }
}
