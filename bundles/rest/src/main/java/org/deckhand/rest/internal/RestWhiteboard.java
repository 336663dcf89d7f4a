package org.deckhand.rest.internal;

import jakarta.servlet.Servlet;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.deckhand.api.rest.RestResource;
import org.deckhand.api.runtime.RuntimeProperties;
import org.deckhand.api.security.Authenticator;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts every {@link RestResource} service under {@link RestResource#BASE_PATH} with the HTTP whiteboard. Without an
 * {@link Authenticator} it serves nothing, so that no endpoint is ever open by accident.
 *
 * <p>When resources come or go, a new Jersey servlet is built and registered at a higher ranking, which shadows the
 * previous one (OSGi Whiteboard Specification for Jakarta Servlet, section 140.4); the previous one is unregistered
 * a few seconds later, so that requests under way finish instead of failing mid-way as they would in a reload.
 * Bursts of changes are coalesced into one rebuild, and while the framework is still starting its bundles no rebuild
 * happens until it has reached its final start level, so that start-up builds the API once.
 */
@Component(immediate = true)
public final class RestWhiteboard {

    private static final Logger LOG = LoggerFactory.getLogger(RestWhiteboard.class);
    private static final long COALESCE_MILLIS = 50;
    private static final long RETIRE_AFTER_SECONDS = 5;

    private final BundleContext context;
    private final ApiConfiguration configuration;
    private final List<Object> resources = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService rebuilder = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "deckhand-rest-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final FrameworkListener startListener = this::frameworkEvent;
    private ScheduledFuture<?> pendingRebuild;
    private ServiceRegistration<Servlet> current;
    private int generation;
    private volatile boolean frameworkStarted;

    /**
     * Mounts the API with the resources known so far.
     *
     * @param context this bundle's context
     * @param authenticator decides who may call the API
     */
    @Activate
    public RestWhiteboard(BundleContext context, @Reference Authenticator authenticator) {
        this.context = context;
        String version = context.getProperty(RuntimeProperties.VERSION);
        this.configuration = new ApiConfiguration(authenticator, new ObjectMapperResolver(),
                version == null ? "unknown" : version);
        context.addFrameworkListener(startListener);
        frameworkStarted = atFinalStartLevel(context);
        scheduleRebuild();
    }

    /** Takes the API down. */
    @Deactivate
    public void deactivate() {
        context.removeFrameworkListener(startListener);
        rebuilder.shutdownNow();
        synchronized (this) {
            if (current != null) {
                unregister(current);
                current = null;
            }
        }
    }

    /**
     * Adds a resource to the API.
     *
     * @param resource a Jakarta REST root resource
     */
    @Reference(service = RestResource.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    public void addResource(Object resource) {
        resources.add(resource);
        scheduleRebuild();
    }

    /**
     * Removes a resource from the API.
     *
     * @param resource a resource given to {@link #addResource} before
     */
    public void removeResource(Object resource) {
        resources.remove(resource);
        scheduleRebuild();
    }

    private synchronized void scheduleRebuild() {
        if (configuration == null || rebuilder.isShutdown() || !frameworkStarted) {
            return;
        }
        if (pendingRebuild != null) {
            pendingRebuild.cancel(false);
        }
        pendingRebuild = rebuilder.schedule(this::rebuild, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void frameworkEvent(FrameworkEvent event) {
        if (!frameworkStarted && (event.getType() == FrameworkEvent.STARTED
                || event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) && atFinalStartLevel(context)) {
            frameworkStarted = true;
            scheduleRebuild();
        }
    }

    /** Whether the framework has started and raised its start level to the one it was asked to reach. */
    private static boolean atFinalStartLevel(BundleContext context) {
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        if (system.getState() != Bundle.ACTIVE) {
            return false;
        }
        String beginning = context.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL);
        int target = beginning == null ? 1 : Integer.parseInt(beginning.strip());
        return system.adapt(FrameworkStartLevel.class).getStartLevel() >= target;
    }

    private void rebuild() {
        List<Object> snapshot = List.copyOf(resources);
        ServiceRegistration<Servlet> previous;
        ServiceRegistration<Servlet> next;
        synchronized (this) {
            generation++;
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("osgi.http.whiteboard.servlet.pattern", RestResource.BASE_PATH + "/*");
            properties.put("osgi.http.whiteboard.servlet.name", "deckhand-rest-" + generation);
            properties.put("osgi.http.whiteboard.servlet.asyncSupported", Boolean.TRUE);
            properties.put(Constants.SERVICE_RANKING, generation);
            properties.put(RestResource.MOUNTED_RESOURCES_PROPERTY, snapshot.size());
            try {
                next = context.registerService(Servlet.class, new ApiServlet(configuration.build(snapshot)),
                        properties);
            } catch (RuntimeException e) {
                LOG.error("Could not mount the REST API with {} resources", snapshot.size(), e);
                return;
            }
            previous = current;
            current = next;
        }
        LOG.debug("REST API mounted at {} with {} resources", RestResource.BASE_PATH, snapshot.size());
        if (previous != null && !rebuilder.isShutdown()) {
            rebuilder.schedule(() -> unregister(previous), RETIRE_AFTER_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static void unregister(ServiceRegistration<Servlet> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyUnregistered) {
            LOG.debug("REST servlet was already unregistered");
        }
    }
}
