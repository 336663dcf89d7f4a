package org.deckhand.analysis.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.deckhand.api.analysis.Analyser;
import org.deckhand.api.analysis.AnalyserDescriptor;
import org.deckhand.api.audio.AudioDecoder;
import org.deckhand.api.catalog.AnalysisLedger;
import org.deckhand.api.catalog.AnalysisOutcome;
import org.deckhand.api.catalog.AnalysisPriority;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.CatalogException;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.catalog.QueuedTrack;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.deckhand.api.library.AudioFile;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analysis pipeline: queues the library's new and changed files in the {@link AnalysisLedger}, and runs a
 * bounded pool of workers that take tracks off the queue and analyse each with every {@link Analyser} service that
 * has not yet run over it at its current version. An analyser that appears later, or in a new version, is run over
 * the whole library (backfill). Whatever a decoder or an analyser throws, an {@link Error} too, fails only the track it
 * was working on. Each track's run is recorded in the ledger before it starts and cleared after it, so that a track
 * whose analysis stopped the server is quarantined at the next start ({@link AnalysisLedger#quarantineInterrupted}):
 * failed with {@value #STOPPED_SERVER}, and analysed again only when the user asks.
 */
@Component(service = {AnalysisPipeline.class, EventHandler.class}, immediate = true,
        configurationPid = AnalysisConfiguration.PID,
        property = {EventConstants.EVENT_TOPIC + "=" + Topics.LIBRARY_FILE_ADDED,
                EventConstants.EVENT_TOPIC + "=" + Topics.LIBRARY_FILE_CHANGED})
@Designate(ocd = AnalysisConfiguration.class)
public final class AnalysisPipeline implements EventHandler {

    /** The failure of every analyser's run over a track whose analysis stopped the server. */
    static final String STOPPED_SERVER = "analysis stopped the server last time (it ran out of memory, crashed or was "
            + "killed while analysing this file); it is not analysed again until you ask for it";

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisPipeline.class);
    private static final long IDLE_WAIT_MILLIS = 30_000;
    private static final long CATALOG_RETRY_MILLIS = 5_000;
    private static final long PROGRESS_INTERVAL_MILLIS = 1_000;
    private static final long REQUEST_BATCH_MILLIS = 200;

    private final Catalog catalog;
    private final AnalysisLedger ledger;
    private final AudioDecoder decoder;
    private final AnalysisEvents events;
    private final AnalyserRegistry registry = new AnalyserRegistry();
    private final ResamplingFilters filters = new ResamplingFilters();
    private final Map<Long, RunningTrack> running = new ConcurrentHashMap<>();
    private final Collection<Long> claimed = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Long> newFiles = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> changedFiles = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService control = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "deckhand-analysis-control");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Thread> workers = new ArrayList<>();
    private final Object work = new Object();
    private final AtomicLong done = new AtomicLong();
    private final long callTimeoutMillis;
    private final long runTimeoutNanos;
    private volatile boolean stopped;
    private long lastProgressMillis;
    private boolean idleReported = true;

    /**
     * Starts the workers.
     *
     * @param catalog the catalog, for tracks and results
     * @param ledger the queue and the record of runs
     * @param decoder decodes the files
     * @param eventAdmin carries the pipeline's events
     * @param configuration the pipeline's settings
     */
    @Activate
    public AnalysisPipeline(@Reference Catalog catalog, @Reference AnalysisLedger ledger,
            @Reference AudioDecoder decoder, @Reference EventAdmin eventAdmin, AnalysisConfiguration configuration) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.decoder = decoder;
        this.events = new AnalysisEvents(eventAdmin);
        this.callTimeoutMillis = TimeUnit.SECONDS.toMillis(configuration.callTimeoutSeconds());
        this.runTimeoutNanos = TimeUnit.SECONDS.toNanos(configuration.runTimeoutSeconds());
        int count = configuration.workers() > 0 ? configuration.workers()
                : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        for (int i = 1; i <= count; i++) {
            Thread worker = new Thread(this::work, "deckhand-analysis-" + i);
            worker.setDaemon(true);
            worker.setPriority(Thread.MIN_PRIORITY);
            workers.add(worker);
        }
        quarantineInterrupted();
        control.scheduleWithFixedDelay(this::flushRequests, REQUEST_BATCH_MILLIS, REQUEST_BATCH_MILLIS,
                TimeUnit.MILLISECONDS);
        workers.forEach(Thread::start);
        LOG.info("Analysis pipeline started with {} worker(s)", count);
    }

    /**
     * Takes an analyser in, and queues the tracks it has not analysed yet.
     *
     * @param analyser the analyser service
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAnalyser(Analyser analyser) {
        AnalyserDescriptor descriptor;
        try {
            descriptor = analyser.descriptor();
        } catch (RuntimeException e) {
            LOG.error("Analyser {} gave no descriptor and is ignored", analyser.getClass().getName(), e);
            return;
        }
        if (!registry.add(analyser, descriptor)) {
            LOG.warn("Analyser {} ({}) is ignored: another analyser has the id {}", analyser.getClass().getName(),
                    descriptor.version(), descriptor.id());
            return;
        }
        control.execute(() -> {
            int queued = ledger.requestUnanalysed(descriptor.id(), descriptor.version());
            LOG.info("Analyser {} {} is registered; {} track(s) queued for it", descriptor.id(),
                    descriptor.version(), queued);
            wake();
        });
    }

    /**
     * Lets an analyser go.
     *
     * @param analyser the analyser service
     */
    void removeAnalyser(Analyser analyser) {
        registry.remove(analyser);
    }

    @Override
    public void handleEvent(Event event) {
        Object trackId = event.getProperty(EventProperties.TRACK_ID);
        if (trackId instanceof Long id) {
            (Topics.LIBRARY_FILE_CHANGED.equals(event.getTopic()) ? changedFiles : newFiles).add(id);
        }
    }

    /**
     * Queues a track at the user's request; every analyser runs over it again.
     *
     * @param trackId the track
     */
    void requestByUser(long trackId) {
        ledger.request(List.of(trackId), AnalysisPriority.USER, true);
        wake();
    }

    /** @return the analysers registered now */
    Collection<AnalyserRegistry.Entry> analysers() {
        return registry.all();
    }

    /** @return the tracks being analysed now */
    Collection<RunningTrack> running() {
        return List.copyOf(running.values());
    }

    /** @return the number of worker threads */
    int workerCount() {
        return workers.size();
    }

    /** @return the tracks analysed since the pipeline started */
    long done() {
        return done.get();
    }

    /** Stops the workers; the queue stays in the catalog for the next start. */
    @Deactivate
    void stop() throws InterruptedException {
        stopped = true;
        control.shutdownNow();
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    private void quarantineInterrupted() {
        for (long trackId : ledger.quarantineInterrupted(STOPPED_SERVER)) {
            String file = catalog.get(trackId).map(track -> track.track().file().path().toString())
                    .orElse("track " + trackId);
            LOG.warn("{}: its analysis stopped the server last time; it is quarantined, and analysed again only when "
                    + "asked for (POST /api/v1/tracks/{}/analyse)", file, trackId);
        }
    }

    private void flushRequests() {
        try {
            boolean any = flush(newFiles, false) | flush(changedFiles, true);
            if (any) {
                wake();
            }
        } catch (CatalogException e) {
            LOG.error("Could not queue files for analysis", e);
        }
    }

    private boolean flush(ConcurrentLinkedQueue<Long> pending, boolean forgetRuns) {
        List<Long> ids = new ArrayList<>();
        for (Long id = pending.poll(); id != null; id = pending.poll()) {
            ids.add(id);
        }
        if (!ids.isEmpty()) {
            ledger.request(ids, AnalysisPriority.NEW_FILE, forgetRuns);
        }
        return !ids.isEmpty();
    }

    private void wake() {
        synchronized (work) {
            work.notifyAll();
        }
    }

    private void work() {
        try (CallGuard guard = new CallGuard(Thread.currentThread().getName() + "-guard", callTimeoutMillis)) {
            TrackAnalysis analysis = new TrackAnalysis(ledger, decoder, events, guard, filters);
            while (!stopped) {
                Optional<Long> next = claim();
                if (next.isEmpty()) {
                    reportIdle();
                    synchronized (work) {
                        work.wait(IDLE_WAIT_MILLIS);
                    }
                    continue;
                }
                try {
                    analyse(next.get(), analysis);
                } catch (CatalogException e) {
                    LOG.error("Analysis of track {} stopped: {}", next.get(), e.getMessage(), e);
                    Thread.sleep(CATALOG_RETRY_MILLIS);
                } finally {
                    running.remove(next.get());
                    claimed.remove(next.get());
                }
                reportProgress();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<Long> claim() {
        synchronized (claimed) {
            for (QueuedTrack queued : ledger.head(claimed.size() + 1)) {
                if (claimed.add(queued.trackId())) {
                    return Optional.of(queued.trackId());
                }
            }
            return Optional.empty();
        }
    }

    private void analyse(long trackId, TrackAnalysis analysis) throws InterruptedException {
        Optional<CatalogTrack> found = catalog.get(trackId).filter(track -> track.missingSince() == null);
        if (found.isEmpty()) {
            ledger.remove(trackId);
            return;
        }
        CatalogTrack track = found.get();
        List<AnalyserRegistry.Entry> due = registry.due(ledger.runs(trackId));
        if (!due.isEmpty()) {
            Map<String, String> versions = new TreeMap<>();
            due.forEach(entry -> versions.put(entry.descriptor().id(), entry.descriptor().version()));
            ledger.beginAttempt(trackId, versions);
            RunningTrack.Progress progress = new RunningTrack.Progress();
            running.put(trackId, new RunningTrack(trackId, track.track().file().path(), Instant.now(),
                    track.track().durationSeconds(), progress));
            List<AnalyserSlot> slots = due.stream().map(this::slot).toList();
            try {
                analysis.run(track.track(), slots, progress);
                countHangs(due, slots);
            } catch (CatalogException e) {
                throw e;
            } catch (RuntimeException | Error e) {
                failEvery(track, versions, e);
            } finally {
                ledger.endAttempt(trackId);
            }
            done.incrementAndGet();
        }
        settle(track);
    }

    /** Fails every analyser due on a track whose run failed outside any decoder or analyser call. */
    private void failEvery(CatalogTrack track, Map<String, String> versions, Throwable failure) {
        Path file = track.track().file().path();
        LOG.error("Analysis of {} failed", file, failure);
        String reason = "the analysis of " + file + " failed: " + failure;
        List<AnalysisOutcome.Failure> failures = versions.entrySet().stream()
                .map(due -> new AnalysisOutcome.Failure(due.getKey(), due.getValue(), reason)).toList();
        ledger.record(track.id(), new AnalysisOutcome(List.of(), failures, null));
    }

    /** A fresh slot for an analyser's run; failed from the start if the analyser is quarantined. */
    private AnalyserSlot slot(AnalyserRegistry.Entry entry) {
        AnalyserSlot slot = new AnalyserSlot(entry.analyser(), entry.descriptor(), runTimeoutNanos,
                entry.withdrawn()::get);
        if (entry.quarantined()) {
            slot.fail(String.format("not run: it did not return within %d s on %d tracks in a row, so it is "
                    + "quarantined until its plugin is reloaded", callTimeoutMillis / 1000,
                    AnalyserRegistry.Entry.QUARANTINE_AFTER_HANGS));
        }
        return slot;
    }

    private static void countHangs(List<AnalyserRegistry.Entry> entries, List<AnalyserSlot> slots) {
        for (int i = 0; i < slots.size(); i++) {
            AnalyserRegistry.Entry entry = entries.get(i);
            if (slots.get(i).hung()) {
                if (entry.hangsInARow().incrementAndGet() == AnalyserRegistry.Entry.QUARANTINE_AFTER_HANGS) {
                    LOG.warn("Analyser {} hung on {} tracks in a row, each time leaving a thread stuck in it; it is "
                            + "quarantined: no longer called until its plugin is reloaded",
                            entry.descriptor().id(), AnalyserRegistry.Entry.QUARANTINE_AFTER_HANGS);
                }
            } else if (slots.get(i).failure() == null) {
                entry.hangsInARow().set(0);
            }
        }
    }

    /** Takes a track off the queue, unless its file changed or an analyser appeared while it was analysed. */
    private void settle(CatalogTrack analysed) {
        Optional<CatalogTrack> now = catalog.get(analysed.id());
        if (now.isPresent() && !sameContent(now.get().track().file(), analysed.track().file())) {
            ledger.request(List.of(analysed.id()), AnalysisPriority.NEW_FILE, true);
        } else if (now.isEmpty() || registry.due(ledger.runs(analysed.id())).isEmpty()) {
            ledger.remove(analysed.id());
        }
    }

    private static boolean sameContent(AudioFile now, AudioFile analysed) {
        return now.sizeBytes() == analysed.sizeBytes() && now.modified().equals(analysed.modified())
                && Objects.equals(now.fastFingerprint(), analysed.fastFingerprint());
    }

    /** Posts progress after a track, at most once a second, reading the queue's size only when it posts. */
    private void reportProgress() {
        long now = System.currentTimeMillis();
        synchronized (this) {
            idleReported = false;
            if (now - lastProgressMillis < PROGRESS_INTERVAL_MILLIS) {
                return;
            }
            lastProgressMillis = now;
        }
        events.progress(ledger.size(), done.get(), running.size());
    }

    /** Posts progress once when the workers run out of tracks, so that listeners see the queue settle. */
    private void reportIdle() {
        synchronized (this) {
            if (idleReported) {
                return;
            }
            idleReported = true;
        }
        events.progress(ledger.size(), done.get(), running.size());
    }
}
