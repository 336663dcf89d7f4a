package org.deckhand.plugins.internal;

import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.deckhand.api.runtime.RuntimeProperties;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the plugins, and only once the server is ready: FileInstall installs, updates and uninstalls the bundles of
 * the plugins folder but starts none; this component starts each, transiently, when the framework reaches the plugins'
 * start level (which the kernel sets once the server answers HTTP), and each plugin installed later. Each start is
 * guarded by a durable mark ({@link PluginQuarantine}): a plugin whose start failed, or during whose start the server
 * stopped, is quarantined and not started again until the user re-enables it ({@link #enable}) or replaces its jar
 * (a bundle update). After a plugin is removed, threads of it that still run are its runaway threads: they are
 * interrupted, logged and kept for the API.
 */
@Component(service = PluginSupervisor.class, immediate = true)
public final class PluginSupervisor implements SynchronousBundleListener, FrameworkListener {

    private static final Logger LOG = LoggerFactory.getLogger(PluginSupervisor.class);

    /** How long a stopped plugin's threads have to end before they are taken for runaway threads, in seconds. */
    private static final long THREAD_GRACE_SECONDS = 3;

    /** How long a plugin's start may take before the plugins after it start without waiting, in seconds. */
    private static final long START_WAIT_SECONDS = 60;

    private final BundleContext context;
    private final PluginFolder folder;
    private final PluginQuarantine quarantine;
    private final int pluginStartLevel;
    private final ScheduledExecutorService executor;
    private final ExecutorService starts;
    private final Map<String, List<WeakReference<Thread>>> runaways = new ConcurrentHashMap<>();
    private final Set<String> starting = ConcurrentHashMap.newKeySet();

    /**
     * @param context this bundle's context
     */
    @Activate
    public PluginSupervisor(BundleContext context) {
        this.context = context;
        this.folder = new PluginFolder(Path.of(context.getProperty(RuntimeProperties.PLUGINS)));
        this.quarantine = new PluginQuarantine(
                Path.of(context.getProperty(RuntimeProperties.DATA), "plugin-quarantine"), Clock.systemUTC());
        // The start level FileInstall gives the plugins' bundles, which the kernel reaches once the server is ready.
        String level = context.getProperty("felix.fileinstall.start.level");
        this.pluginStartLevel = level == null ? 1 : Integer.parseInt(level.strip());
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "deckhand-plugin-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        this.starts = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "deckhand-plugin-start");
            thread.setDaemon(true);
            return thread;
        });
        forgetPersistentStarts();
        context.addBundleListener(this);
        context.addFrameworkListener(this);
        submit(this::startPlugins);
    }

    /** Stops listening; plugins that run keep running. */
    @Deactivate
    public void deactivate() {
        context.removeFrameworkListener(this);
        context.removeBundleListener(this);
        executor.shutdownNow();
        starts.shutdown();
    }

    /**
     * @param id a plugin's id
     * @return why the plugin is quarantined, if it is
     */
    Optional<String> quarantineReason(String id) {
        return starting.contains(id) ? Optional.empty() : quarantine.reason(id);
    }

    /**
     * Lifts a plugin's quarantine and starts it.
     *
     * @param id a plugin's id
     * @throws UncheckedIOException if the quarantine mark cannot be deleted
     */
    void enable(String id) {
        quarantine.clear(id);
        LOG.info("Plugin {} re-enabled", id);
        submit(this::startPlugins);
    }

    /**
     * @param id a plugin's id
     * @return the names of the threads of a removed version of the plugin that still run
     */
    List<String> runawayThreads(String id) {
        return runaways.getOrDefault(id, List.of()).stream().map(WeakReference::get)
                .filter(t -> t != null && t.isAlive()).map(Thread::getName).toList();
    }

    /** @return the ids of removed plugins of which threads still run */
    Set<String> withRunawayThreads() {
        runaways.keySet().removeIf(id -> runawayThreads(id).isEmpty());
        return Set.copyOf(runaways.keySet());
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        if (folder.jarOf(bundle).isEmpty() || bundle.getSymbolicName() == null) {
            return;
        }
        switch (event.getType()) {
            case BundleEvent.STOPPED -> watchThreadsOf(bundle);
            case BundleEvent.INSTALLED, BundleEvent.RESOLVED -> submit(this::startPlugins);
            case BundleEvent.UPDATED -> submit(() -> {
                quarantine.clear(bundle.getSymbolicName());
                startPlugins();
            });
            case BundleEvent.UNINSTALLED -> submit(() -> quarantine.clear(bundle.getSymbolicName()));
            default -> {
                // Other events change nothing here.
            }
        }
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
            submit(this::startPlugins);
        }
    }

    private void startPlugins() {
        if (frameworkStartLevel() < pluginStartLevel) {
            return;
        }
        for (Bundle bundle : context.getBundles()) {
            boolean startable = (bundle.getState() == Bundle.INSTALLED || bundle.getState() == Bundle.RESOLVED)
                    && bundle.getSymbolicName() != null && bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null
                    && folder.jarOf(bundle).isPresent();
            if (startable && quarantine.reason(bundle.getSymbolicName()).isEmpty() && resolves(bundle)) {
                awaitStart(bundle, bundle.getSymbolicName());
            }
        }
    }

    /** A bundle that cannot be resolved is not started: the API says what it misses, and it is tried again later. */
    private boolean resolves(Bundle bundle) {
        return bundle.getState() == Bundle.RESOLVED || context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION)
                .adapt(FrameworkWiring.class).resolveBundles(List.of(bundle));
    }

    /** Starts a plugin on a thread of its own, so that one whose start never returns holds up the others a while. */
    private void awaitStart(Bundle bundle, String id) {
        Future<?> start = starts.submit(() -> start(bundle, id));
        try {
            start.get(START_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Plugin {} has not finished starting after {} s; the other plugins start without it, and it is "
                    + "quarantined if the server stops before its start returns", id, START_WAIT_SECONDS);
        } catch (ExecutionException e) {
            LOG.error("Plugin {} could not be started: {}", id, e.getCause().toString(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void start(Bundle bundle, String id) {
        starting.add(id);
        try {
            quarantine.markStarting(id);
        } catch (UncheckedIOException e) {
            starting.remove(id);
            LOG.error("Plugin {} is not started: {}", id, e.getMessage());
            return;
        }
        try {
            bundle.start(Bundle.START_TRANSIENT);
            quarantine.clear(id);
            LOG.info("Plugin {} {} started", id, bundle.getVersion());
        } catch (BundleException e) {
            boolean mayStartLater = e.getType() == BundleException.RESOLVE_ERROR
                    || e.getType() == BundleException.START_TRANSIENT_ERROR || bundle.getState() == Bundle.UNINSTALLED;
            if (mayStartLater) {
                quarantine.clear(id);
                return;
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String reason = "Its start failed, so it is not started again: " + cause;
            quarantine.quarantine(id, reason);
            LOG.warn("Plugin {} quarantined: {}", id, reason);
        } catch (IllegalStateException uninstalled) {
            quarantine.clear(id);
        } finally {
            starting.remove(id);
        }
    }

    /** Plugins that an earlier version of the server started persistently would start before this supervisor. */
    private void forgetPersistentStarts() {
        for (Bundle bundle : context.getBundles()) {
            BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
            boolean notYetStarted = bundle.getState() == Bundle.INSTALLED || bundle.getState() == Bundle.RESOLVED;
            if (level != null && level.isPersistentlyStarted() && notYetStarted && folder.jarOf(bundle).isPresent()) {
                try {
                    bundle.stop();
                } catch (BundleException | IllegalStateException e) {
                    LOG.warn("Cannot clear the persistent start of plugin {}: {}", bundle.getSymbolicName(),
                            e.getMessage());
                }
            }
        }
    }

    private void watchThreadsOf(Bundle bundle) {
        if (context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).getState() == Bundle.STOPPING) {
            return;
        }
        PluginThreads threads = PluginThreads.of(bundle);
        String id = bundle.getSymbolicName();
        String version = bundle.getVersion().toString();
        try {
            executor.schedule(() -> reportRunaways(bundle, id, version, threads), THREAD_GRACE_SECONDS,
                    TimeUnit.SECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Not watching the threads of plugin {}: the plugins bundle is stopping", id);
        }
    }

    private void reportRunaways(Bundle bundle, String id, String version, PluginThreads threads) {
        if (bundle.getState() != Bundle.UNINSTALLED) {
            return;
        }
        List<Thread> running = threads.running();
        if (running.isEmpty()) {
            return;
        }
        running.forEach(Thread::interrupt);
        runaways.put(id, running.stream().map(WeakReference::new).toList());
        LOG.warn("Plugin {} {} was removed, but {} of its threads still run: {}; they were interrupted, and one that "
                + "ignores interruption keeps running until the server restarts", id, version, running.size(),
                running.stream().map(Thread::getName).toList());
    }

    private int frameworkStartLevel() {
        return Objects.requireNonNull(context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION)
                .adapt(FrameworkStartLevel.class)).getStartLevel();
    }

    private void submit(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("Plugin supervision failed: {}", e.toString(), e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            LOG.debug("The plugins bundle is stopping: {} not run", task);
        }
    }
}
