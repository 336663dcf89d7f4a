package org.deckhand.renamer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.library.LibraryScanner;
import org.deckhand.api.runtime.RuntimeProperties;
import org.deckhand.api.search.QuerySyntaxException;
import org.deckhand.api.search.TrackIndex;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The renamer: previews, batches and undo over the music folders. Batches run one at a time on one low-priority
 * thread; their journals are in {@code DATA/renamer}. At start, batches that a stop interrupted are repaired and
 * resumed before any new one runs. A settings change applies to the next preview or batch, and never stops one.
 */
@Component(service = Renamer.class, immediate = true, configurationPid = RenamerConfiguration.PID)
@Designate(ocd = RenamerConfiguration.class)
public final class Renamer {

    private static final Logger LOG = LoggerFactory.getLogger(Renamer.class);
    private static final long PREVIEW_KEPT_NANOS = 60_000_000_000L;

    private final Planner planner;
    private final BatchRunner runner;
    private final List<Path> musicFolders;
    private final Path previews;
    private final Map<Long, Batch> batches = new ConcurrentHashMap<>();
    private final AtomicLong fsyncs = new AtomicLong();
    private final AtomicLong previewsAsked = new AtomicLong();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "deckhand-renamer");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private volatile RenamerConfiguration configuration;
    private CachedPlan lastPreview;

    /**
     * @param context this bundle's context, for the data folder
     * @param catalog the tracks, told of each move
     * @param index finds the tracks a query matches
     * @param scanner gives the music folders
     * @param eventAdmin where batch events are posted
     * @param configuration the settings
     * @throws IOException if the journal folder cannot be created, or a preview's file left by a stop cannot be
     *     deleted
     */
    @Activate
    public Renamer(BundleContext context, @Reference Catalog catalog, @Reference TrackIndex index,
            @Reference LibraryScanner scanner, @Reference EventAdmin eventAdmin, RenamerConfiguration configuration)
            throws IOException {
        this.musicFolders = scanner.musicFolders();
        this.configuration = configuration;
        this.planner = new Planner(catalog, index, musicFolders);
        Path data = Path.of(context.getProperty(RuntimeProperties.DATA), "renamer");
        this.previews = data.resolve("previews");
        deleteLeftPreviews(previews);
        this.runner = new BatchRunner(data, catalog, musicFolders, new EventAdminBatchEvents(eventAdmin), fsyncs);
        worker.execute(this::recover);
    }

    /**
     * @param changed the new settings, for the next preview or batch
     */
    @Modified
    void modified(RenamerConfiguration changed) {
        this.configuration = changed;
        dropPreview();
    }

    /** Stops after the move under way; the journal lets the next start resume the batch. */
    @Deactivate
    public void deactivate() throws InterruptedException {
        dropPreview();
        worker.shutdown();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("The renamer is still moving a file; its batch resumes at the next start");
        }
    }

    /**
     * Options of a preview or batch; null fields take the settings.
     *
     * @param query which tracks; null or empty for all
     * @param paths path rules, {@code query: template}; null for the configured ones
     * @param profile the naming profile; null for the configured one
     * @param targetFolder a music folder to move every track into; null for each track's own
     */
    public record Options(String query, List<String> paths, NamingProfile profile, String targetFolder) {
    }

    /**
     * One page of a preview.
     *
     * @param counts the plan's counts
     * @param moves how many moves the plan has in all
     * @param errors how many tracks get no move
     * @param problems the first {@value PreviewPages#KEPT_ERRORS} of them
     * @param page the moves asked for
     */
    public record PreviewPage(Planner.Counts counts, long moves, long errors, List<Batch.PlanError> problems,
            List<PlannedMove> page) {
    }

    /**
     * Plans without touching anything, and gives one page of the moves. The plan's moves go to a file in
     * {@code DATA/renamer/previews} as they are worked out, so that a preview of the whole library fits a small heap;
     * the last plan is kept a minute for the next pages. One preview is planned at a time, and one being planned
     * stops when another is asked for (as the console asks while the user types).
     *
     * @param options what to plan
     * @param offset the page's first move, from 0
     * @param limit the page's size
     * @return the page
     * @throws QuerySyntaxException if a query is malformed
     * @throws IllegalArgumentException if a template is malformed, or the target folder is not a music folder
     * @throws PreviewPages.SupersededException if another preview was asked for while this one was planned
     * @throws IOException if the preview's file cannot be written or read
     */
    public PreviewPage preview(Options options, long offset, int limit) throws QuerySyntaxException, IOException {
        long asked = previewsAsked.incrementAndGet();
        synchronized (this) {
            return preview(options, offset, limit, () -> previewsAsked.get() != asked);
        }
    }

    private PreviewPage preview(Options options, long offset, int limit, BooleanSupplier superseded)
            throws QuerySyntaxException, IOException {
        if (lastPreview == null || !lastPreview.options.equals(options)
                || System.nanoTime() - lastPreview.made >= PREVIEW_KEPT_NANOS) {
            dropPreview();
            Planner.Request request = request(options);
            PreviewPages pages = new PreviewPages(previews, superseded);
            try {
                pages.finish(planner.plan(request, pages));
            } catch (QuerySyntaxException | IOException | RuntimeException e) {
                pages.close();
                throw e;
            }
            lastPreview = new CachedPlan(options, pages, System.nanoTime());
        }
        PreviewPages pages = lastPreview.pages;
        return new PreviewPage(pages.counts(), pages.moveCount(), pages.errorCount(), pages.errors(),
                pages.page(offset, limit));
    }

    /**
     * Plans afresh and starts a batch, which runs after those before it.
     *
     * @param options what to plan
     * @return the batch, journalled and queued
     * @throws QuerySyntaxException if a query is malformed
     * @throws ReadOnlyFolderException if a music folder the batch would change is read-only
     * @throws IOException if the journal cannot be written
     */
    public Batch apply(Options options) throws QuerySyntaxException, ReadOnlyFolderException, IOException {
        Planner.Request request = request(options);
        Plan plan = planner.plan(request);
        Set<Path> roots = new LinkedHashSet<>();
        for (PlannedMove move : plan.moves()) {
            musicFolders.stream().filter(move.source()::startsWith).findFirst().ifPresent(roots::add);
            musicFolders.stream().filter(move.target()::startsWith).findFirst().ifPresent(roots::add);
        }
        for (Path root : roots) {
            if (!Files.isWritable(root)) {
                throw new ReadOnlyFolderException(root);
            }
        }
        String description = "paths: " + String.join(" | ", request.rules().rules().stream()
                .map(PathRules.Rule::written).toList()) + (blank(options.query()) ? "" : "; query: " + options.query());
        Batch batch = runner.create(description, plan.moves(), plan.errors());
        batches.put(batch.id(), batch);
        worker.execute(() -> run(batch, false));
        dropPreview();
        return batch;
    }

    /**
     * @param id a batch's id
     * @return the batch, being undone
     * @throws IllegalStateException if it is not completed (running, already undone or being undone)
     * @throws IOException if its journal cannot be written
     */
    public Optional<Batch> undo(long id) throws IOException {
        Batch batch = batches.get(id);
        if (batch == null) {
            return Optional.empty();
        }
        synchronized (batch) {
            if (batch.status() != Batch.Status.COMPLETED) {
                throw new IllegalStateException("batch " + id + " is " + batch.status()
                        + "; only a completed batch can be undone");
            }
            runner.requestUndo(batch);
        }
        worker.execute(() -> run(batch, true));
        return Optional.of(batch);
    }

    /**
     * @return every batch, newest first
     */
    public List<Batch> batches() {
        List<Batch> all = new ArrayList<>(batches.values());
        all.sort((a, b) -> Long.compare(b.id(), a.id()));
        return all;
    }

    /**
     * @param id a batch's id
     * @return the batch
     */
    public Optional<Batch> batch(long id) {
        return Optional.ofNullable(batches.get(id));
    }

    /**
     * @return the journal and folder fsyncs made since the server started
     */
    public long fsyncs() {
        return fsyncs.get();
    }

    private void recover() {
        try {
            for (Batch batch : runner.recover()) {
                batches.put(batch.id(), batch);
                if (batch.status() == Batch.Status.RUNNING || batch.status() == Batch.Status.UNDOING) {
                    LOG.info("Renamer: resuming batch {}, which a stop interrupted", batch.id());
                    run(batch, batch.status() == Batch.Status.UNDOING);
                }
            }
        } catch (IOException e) {
            LOG.error("Renamer: cannot read the journals; no batch runs until this is fixed", e);
        }
    }

    private void run(Batch batch, boolean undo) {
        try {
            if (undo) {
                runner.undo(batch);
            } else {
                runner.apply(batch);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Renamer batch {} stopped; it resumes at the next start", batch.id(), e);
        }
    }

    private Planner.Request request(Options options) {
        RenamerConfiguration settings = configuration;
        List<String> lines = options.paths() != null ? options.paths()
                : Arrays.asList(settings.paths().split("\\R"));
        Path target = blank(options.targetFolder()) ? null
                : Path.of(options.targetFolder()).toAbsolutePath().normalize();
        return new Planner.Request(options.query(), PathRules.parse(lines),
                options.profile() != null ? options.profile() : settings.profile(), settings.maxPathBytes(), target);
    }

    /** A preview's file outlives no server: those a stop left are deleted. */
    private static void deleteLeftPreviews(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private synchronized void dropPreview() {
        if (lastPreview != null) {
            try {
                lastPreview.pages.close();
            } catch (IOException e) {
                LOG.warn("Renamer: cannot delete a preview's file", e);
            }
            lastPreview = null;
        }
    }

    private record CachedPlan(Options options, PreviewPages pages, long made) {
    }
}
