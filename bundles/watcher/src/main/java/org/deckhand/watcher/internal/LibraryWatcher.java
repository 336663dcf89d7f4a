package org.deckhand.watcher.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.library.LibraryScanner;
import org.deckhand.api.library.TagReader;
import org.deckhand.api.runtime.RuntimeProperties;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the catalog in step with the music folders: a full scan at start, a scan shortly after file events settle,
 * and a full rescan every {@link WatcherConfiguration#rescanIntervalMinutes()} minutes for network shares. Scans
 * run one at a time on one low-priority thread, so that they never starve the API or a stream.
 */
@Component(service = LibraryScanner.class, immediate = true, configurationPid = WatcherConfiguration.PID)
@Designate(ocd = WatcherConfiguration.class)
public final class LibraryWatcher implements LibraryScanner {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryWatcher.class);
    private static final long EVENT_DELAY_MILLIS = 500;

    private final Reconciler reconciler;
    private final List<Path> folders;
    private final Duration settle;
    private final Duration missingGrace;
    private final OwnChanges ownChanges;
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "deckhand-library-scan");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private final FolderWatcher watcher;
    private ScheduledFuture<?> pendingScan;

    /**
     * Starts following the music folders.
     *
     * @param context this bundle's context, for the music folders given at start
     * @param catalog where tracks are kept
     * @param tagReader reads files' tags
     * @param eventAdmin where library events are posted
     * @param configuration the watcher's settings
     */
    @Activate
    public LibraryWatcher(BundleContext context, @Reference Catalog catalog, @Reference TagReader tagReader,
            @Reference EventAdmin eventAdmin, WatcherConfiguration configuration) {
        this.folders = musicFolders(context.getProperty(RuntimeProperties.MUSIC), configuration.musicFolders());
        this.settle = Duration.ofSeconds(configuration.settleSeconds());
        this.missingGrace = Duration.ofDays(configuration.missingGraceDays());
        this.ownChanges = new OwnChanges(Path.of(context.getProperty(RuntimeProperties.DATA), "library",
                "own-changes.tsv"));
        this.reconciler = new Reconciler(catalog, tagReader, new EventAdminLibraryEvents(eventAdmin),
                Clock.systemUTC(), ownChanges);
        FolderWatcher started;
        try {
            started = new FolderWatcher(folders, () -> requestScan(EVENT_DELAY_MILLIS));
        } catch (IOException e) {
            LOG.warn("No file events on this system ({}); changes are found by the periodic rescans", e.getMessage());
            started = null;
        }
        this.watcher = started;
        requestScan(0);
        long interval = configuration.rescanIntervalMinutes();
        scanner.scheduleWithFixedDelay(() -> requestScan(0), interval, interval, TimeUnit.MINUTES);
    }

    /**
     * Stops watching and scanning.
     *
     * @throws IOException if the watch service cannot be closed
     */
    @Deactivate
    public void deactivate() throws IOException {
        scanner.shutdownNow();
        if (watcher != null) {
            watcher.close();
        }
    }

    @Override
    public List<Path> musicFolders() {
        return List.copyOf(folders);
    }

    @Override
    public void requestScan() {
        requestScan(0);
    }

    @Override
    public void expectOwnChange(Path file, long sizeBytes, Instant modified, String sha256) {
        try {
            ownChanges.expect(file.toAbsolutePath().normalize(),
                    new FileStamp(sizeBytes, modified.truncatedTo(ChronoUnit.MILLIS)), sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record Deckhand's own change of " + file + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Asks for a scan after a delay; a scan already asked for and not yet started is put back to that delay, so that
     * a burst of file events gives one scan.
     *
     * @param delayMillis the delay in milliseconds
     */
    synchronized void requestScan(long delayMillis) {
        if (scanner.isShutdown()) {
            return;
        }
        if (pendingScan != null && pendingScan.getDelay(TimeUnit.MILLISECONDS) > 0) {
            pendingScan.cancel(false);
        }
        pendingScan = scanner.schedule(this::scan, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void scan() {
        try {
            ScanReport report = reconciler.scan(folders, settle, missingGrace);
            LOG.info("Scanned {} files in {} s: {} added, {} changed, {} moved, {} gone, {} problems",
                    report.files(), String.format("%.1f", report.seconds()), report.added(), report.changed(),
                    report.moved(), report.removed(), report.problems());
            if (report.unsettled() > 0) {
                requestScan(settle.toMillis() + EVENT_DELAY_MILLIS);
            }
        } catch (RuntimeException e) {
            LOG.error("The library scan failed; the next one will try again", e);
        }
    }

    private static List<Path> musicFolders(String fromKernel, String[] configured) {
        Set<Path> folders = new LinkedHashSet<>();
        if (fromKernel != null && !fromKernel.isEmpty()) {
            Arrays.stream(fromKernel.split(File.pathSeparator)).filter(s -> !s.isBlank())
                    .map(s -> Path.of(s).toAbsolutePath().normalize()).forEach(folders::add);
        }
        Arrays.stream(configured).flatMap(s -> Arrays.stream(s.split(","))).map(String::strip)
                .filter(s -> !s.isEmpty()).map(s -> Path.of(s).toAbsolutePath().normalize()).forEach(folders::add);
        return new ArrayList<>(folders);
    }
}
