package org.deckhand.rest.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
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
import org.glassfish.jersey.servlet.ServletContainer;
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
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts every {@link RestResource} service under {@link RestResource#BASE_PATH} with the HTTP whiteboard. Without an
 * {@link Authenticator} it serves nothing, so that no endpoint is ever open by accident. Its settings
 * ({@link RestConfiguration}) apply to requests at once.
 *
 * <p>One servlet, an {@link ApiDispatcher}, is registered once. When resources come or go, it builds a new Jersey
 * container beside the current one and hands it every new request; the previous container is destroyed a few
 * seconds later, so that requests under way finish instead of failing mid-way as they would in a reload. A service
 * with {@link RestResource#MOUNTED_RESOURCES_PROPERTY} says how many resources the current container serves.
 * Bursts of changes are coalesced into one rebuild, and while the framework is still starting its bundles no rebuild
 * happens until it has reached its final start level, so that start-up builds the API once.
 */
@Component(immediate = true, configurationPid = RestConfiguration.PID)
@Designate(ocd = RestConfiguration.class)
public final class RestWhiteboard {

    private static final Logger LOG = LoggerFactory.getLogger(RestWhiteboard.class);
    private static final long COALESCE_MILLIS = 50;
    private static final long RETIRE_AFTER_SECONDS = 5;

    private final BundleContext context;
    private final ApiConfiguration configuration;
    private final BodySizeLimit bodySizeLimit;
    private final List<Object> resources = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService rebuilder = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "deckhand-rest-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final FrameworkListener startListener = this::frameworkEvent;
    private final Object mountLock = new Object();
    private ScheduledFuture<?> pendingRebuild;
    private ApiDispatcher dispatcher;
    private ServiceRegistration<Servlet> servlet;
    private ServiceRegistration<ApiMount> mount;
    private boolean unmounted;
    /** The number of resources of the container built last; read and written under the dispatcher's lock. */
    private int builtWith;
    private volatile boolean frameworkStarted;

    /**
     * Mounts the API with the resources known so far.
     *
     * @param context this bundle's context
     * @param authenticator decides who may call the API
     * @param settings the limits of requests
     */
    @Activate
    public RestWhiteboard(BundleContext context, @Reference Authenticator authenticator, RestConfiguration settings) {
        this.context = context;
        String version = context.getProperty(RuntimeProperties.VERSION);
        this.bodySizeLimit = new BodySizeLimit(maxBodyBytes(settings));
        this.configuration = new ApiConfiguration(authenticator, new ObjectMapperResolver(), bodySizeLimit,
                version == null ? "unknown" : version);
        context.addFrameworkListener(startListener);
        frameworkStarted = atFinalStartLevel(context);
        scheduleRebuild();
    }

    /**
     * Applies changed settings to the requests that come from now on, without rebuilding the API.
     *
     * @param settings the limits of requests
     */
    @Modified
    public void modified(RestConfiguration settings) {
        bodySizeLimit.setMaxBytes(maxBodyBytes(settings));
    }

    private static long maxBodyBytes(RestConfiguration settings) {
        return Math.max(1, settings.maxBodyKibibytes()) * 1024L;
    }

    /** Takes the API down. */
    @Deactivate
    public void deactivate() {
        context.removeFrameworkListener(startListener);
        rebuilder.shutdownNow();
        synchronized (this) {
            if (servlet != null) {
                unregister(servlet);
                servlet = null;
            }
        }
        synchronized (mountLock) {
            unmounted = true;
            if (mount != null) {
                unregister(mount);
                mount = null;
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
        synchronized (this) {
            if (dispatcher == null) {
                dispatcher = new ApiDispatcher(this::container, this::mounted);
                Dictionary<String, Object> properties = new Hashtable<>();
                properties.put("osgi.http.whiteboard.servlet.pattern", RestResource.BASE_PATH + "/*");
                properties.put("osgi.http.whiteboard.servlet.name", "deckhand-rest");
                properties.put("osgi.http.whiteboard.servlet.asyncSupported", Boolean.TRUE);
                servlet = context.registerService(Servlet.class, dispatcher, properties);
                return;
            }
        }
        try {
            ServletContainer previous = dispatcher.rebuild();
            if (previous != null && !rebuilder.isShutdown()) {
                rebuilder.schedule(previous::destroy, RETIRE_AFTER_SECONDS, TimeUnit.SECONDS);
            }
        } catch (ServletException | RuntimeException e) {
            LOG.error("Could not mount the REST API with {} resources; the previous resources are served",
                    resources.size(), e);
        }
    }

    /** @return a Jersey container of the resources registered now; called by the dispatcher, under its lock */
    private ServletContainer container() {
        List<Object> snapshot = List.copyOf(resources);
        builtWith = snapshot.size();
        return new ApiServlet(configuration.build(snapshot));
    }

    /**
     * Says, through the mount service's properties, how many resources the container now serving holds; called by
     * the dispatcher, under its lock.
     */
    private void mounted() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(RestResource.MOUNTED_RESOURCES_PROPERTY, builtWith);
        synchronized (mountLock) {
            if (unmounted) {
                return;
            }
            if (mount == null) {
                mount = context.registerService(ApiMount.class, new ApiMount(), properties);
            } else {
                mount.setProperties(properties);
            }
        }
        LOG.debug("REST API mounted at {} with {} resources", RestResource.BASE_PATH, builtWith);
    }

    private static void unregister(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyUnregistered) {
            LOG.debug("REST service was already unregistered");
        }
    }
}
