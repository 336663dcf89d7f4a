package org.deckhand.system.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.deckhand.api.event.Topics;
import org.deckhand.api.library.LibraryScanner;
import org.deckhand.api.runtime.RuntimeProperties;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the server's health every {@value #INTERVAL_SECONDS} seconds, starting {@value #INTERVAL_SECONDS} seconds
 * after it starts, on one low-priority thread, and posts what went wrong since the last check: a file store of the
 * data folder or of a music folder low on space or nearly full ({@link DiskSpace}, {@link Topics#HEALTH_DISK_LOW}),
 * a core bundle not active ({@link BundleStates}, {@link Topics#HEALTH_BUNDLE_INACTIVE}). Each is told once per
 * change of state, never at each check. The state lives in memory: a restart of the server, or of this component
 * (when the watcher comes or goes), tells a condition that lasts once more.
 */
@Component(immediate = true)
public final class HealthMonitor {

    /** Seconds between checks, and before the first one, while the server starts. */
    static final long INTERVAL_SECONDS = 60;

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final List<Path> folders;
    private final DiskSpace disks;
    private final BundleStates bundles;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "deckhand-health-monitor");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });

    /**
     * Starts checking.
     *
     * @param context this bundle's context, for the folders and the bundles
     * @param eventAdmin where what went wrong is posted
     * @param scanner the library watcher, for the music folders it follows; {@code null} without the watcher
     *     bundle, when only the data folder is checked
     */
    @Activate
    public HealthMonitor(BundleContext context, @Reference EventAdmin eventAdmin,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            LibraryScanner scanner) {
        HealthEvents events = new HealthEvents(eventAdmin);
        this.folders = folders(context, scanner);
        this.disks = new DiskSpace(DiskSpace.Thresholds.DEFAULT, events);
        this.bundles = new BundleStates(context, events);
        checks.scheduleWithFixedDelay(this::check, INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
    }

    /** Stops checking. */
    @Deactivate
    public void deactivate() {
        checks.shutdownNow();
    }

    private void check() {
        try {
            disks.check(folders);
            bundles.check();
        } catch (RuntimeException e) {
            LOG.error("The health check failed; the next one will try again", e);
        }
    }

    /** The data folder, then the music folders the watcher follows. */
    private static List<Path> folders(BundleContext context, LibraryScanner scanner) {
        Set<Path> folders = new LinkedHashSet<>();
        folders.add(Path.of(context.getProperty(RuntimeProperties.DATA)).toAbsolutePath().normalize());
        if (scanner != null) {
            folders.addAll(scanner.musicFolders());
        }
        return new ArrayList<>(folders);
    }
}
