package org.deckhand.writeback.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.deckhand.api.library.LibraryScanner;
import org.deckhand.api.library.TagWriteException;
import org.deckhand.api.library.TagWriter;
import org.deckhand.api.runtime.RuntimeProperties;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tag write-back, when enabled: writes the analysed BPM and key into each track's file once its analysis completes,
 * and, when switched on, into every file already analysed. One file at a time, on a low-priority thread; a file that
 * cannot take tags is logged with its reason and the others carry on. At each start, enabled or not, the hidden copy
 * of a write the server did not live to finish is deleted. The user may also ask for chosen tracks to be written now
 * ({@link #request}), enabled or not.
 */
@Component(service = {EventHandler.class, TagWriteBack.class}, immediate = true, configurationPid = WriteBackConfiguration.PID,
        property = EventConstants.EVENT_TOPIC + "=" + Topics.ANALYSIS_TRACK_COMPLETED)
@Designate(ocd = WriteBackConfiguration.class)
public final class TagWriteBack implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(TagWriteBack.class);
    /** A tag writer's copy this old was left behind by a crash, and is deleted. */
    private static final Duration STALE_COPY = Duration.ofHours(1);
    private static final long FINISH_WRITE_SECONDS = 30;

    private final Catalog catalog;
    private final TagWriter writer;
    private final TagReplacement replacement;
    private final List<Path> musicFolders;
    private final boolean enabled;
    private final KeyNotation notation;
    private final boolean overwriteExisting;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "deckhand-tag-write-back");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });

    /**
     * @param context this bundle's context, for the data folder
     * @param catalog the tracks, their tags and analysis
     * @param writer writes the tags into copies of the files
     * @param scanner the watcher, told of each file replaced
     * @param configuration the write-back's settings
     */
    @Activate
    public TagWriteBack(BundleContext context, @Reference Catalog catalog, @Reference TagWriter writer,
            @Reference LibraryScanner scanner, WriteBackConfiguration configuration) {
        this.catalog = catalog;
        this.writer = writer;
        InterruptedWrites interrupted = new InterruptedWrites(Path.of(context.getProperty(RuntimeProperties.DATA),
                "writeback", "writing"));
        this.replacement = new TagReplacement(writer, scanner, interrupted);
        this.musicFolders = scanner.musicFolders();
        this.enabled = configuration.enabled();
        this.notation = configuration.keyNotation();
        this.overwriteExisting = configuration.overwriteExisting();
        worker.execute(() -> cleanUp(interrupted));
        if (enabled) {
            LOG.info("Tag write-back is on: BPM and key go into the files' tags ({} keys{})", notation,
                    overwriteExisting ? ", existing tags overwritten" : ", existing tags kept");
            worker.execute(this::catchUp);
        }
    }

    /**
     * Stops writing once the file being written is finished, so that the next instance's clean-up meets no copy in
     * use.
     *
     * @throws InterruptedException if interrupted while the last file is written
     */
    @Deactivate
    public void deactivate() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(FINISH_WRITE_SECONDS, TimeUnit.SECONDS)) {
            LOG.warn("Tag write-back: a file's tags were still being written {} s after the stop",
                    FINISH_WRITE_SECONDS);
        }
    }

    @Override
    public void handleEvent(Event event) {
        if (enabled && event.getProperty(EventProperties.TRACK_ID) instanceof Long trackId) {
            worker.execute(() -> catalog.get(trackId).ifPresent(this::writeBack));
        }
    }

    /**
     * Writes the analysed BPM and key into the files of the tracks given, in the background, whether automatic
     * write-back is enabled or not, with its key notation and its choice to keep or overwrite existing tags.
     *
     * @param trackIds the tracks; unknown ones, missing files and files already tagged are skipped
     * @return how many of them have an analysed BPM or key to write now
     */
    public int request(List<Long> trackIds) {
        List<CatalogTrack> due = catalog.getAll(trackIds).stream()
                .filter(track -> track.missingSince() == null
                        && TagUpdate.of(track, notation, overwriteExisting).isPresent())
                .toList();
        due.forEach(track -> worker.execute(() -> catalog.get(track.id()).ifPresent(this::writeBack)));
        LOG.info("Tag write-back asked for {} tracks: {} have a BPM or key to write", trackIds.size(), due.size());
        return due.size();
    }

    private static void cleanUp(InterruptedWrites interrupted) {
        try {
            for (Path copy : interrupted.cleanUp()) {
                LOG.info("Deleted {}, a copy that a tag write-back interrupted by the server's stop left behind", copy);
            }
        } catch (IOException e) {
            LOG.warn("Cannot delete the copies an interrupted tag write-back left behind: {}", e.toString());
        }
    }

    private void catchUp() {
        musicFolders.forEach(TagWriteBack::deleteStaleCopies);
        List<Long> due = new ArrayList<>();
        catalog.forEach(track -> {
            if (track.missingSince() == null && TagUpdate.of(track, notation, overwriteExisting).isPresent()) {
                due.add(track.id());
            }
        });
        LOG.info("Tag write-back: {} analysed files need their BPM or key written", due.size());
        int written = 0;
        for (long trackId : due) {
            if (worker.isShutdown()) {
                return;
            }
            written += catalog.get(trackId).map(this::writeBack).orElse(false) ? 1 : 0;
        }
        LOG.info("Tag write-back: wrote BPM and key into {} of {} files", written, due.size());
    }

    private boolean writeBack(CatalogTrack track) {
        Path file = track.track().file().path();
        if (track.missingSince() != null || !writer.writes(track.metadata().format())) {
            return false;
        }
        Optional<TagUpdate> update = TagUpdate.of(track, notation, overwriteExisting);
        try {
            return update.isPresent() && replacement.apply(track, update.get());
        } catch (TagWriteException e) {
            LOG.warn("Tag write-back skipped {}", e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Tag write-back skipped {}: {}; the file is untouched", file, e.toString());
        }
        return false;
    }

    private static void deleteStaleCopies(Path folder) {
        Instant before = Instant.now().minus(STALE_COPY);
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (file.getFileName().toString().startsWith(TagWriter.COPY_PREFIX)
                            && attributes.lastModifiedTime().toInstant().isBefore(before)) {
                        LOG.info("Deleting {}, a copy that an interrupted tag write-back left behind", file);
                        Files.deleteIfExists(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Cannot look for copies left by an interrupted tag write-back in {}: {}", folder, e.toString());
        }
    }
}
