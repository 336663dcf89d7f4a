package org.deckhand.watcher.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.catalog.Problem;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.TagReader;
import org.deckhand.api.library.TrackMetadata;
import org.deckhand.api.library.UnreadableAudioException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the catalog in line with what a walk of the music folders found. A file whose size and modification time
 * did not change costs nothing but its directory entry. A new file whose fast fingerprint is that of a track whose
 * file is gone is that track, moved: it keeps its id and analysis. Other new files are read and added; changed files
 * are read again; tracks whose files are gone are marked missing, and purged after a grace period. A music folder
 * that could not be walked, or that is empty while the catalog holds tracks in it, is taken for a network share that
 * dropped out: its tracks are left as they are. A file that could not be taken in is not read again until its size
 * or modification time changes.
 */
final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    private static final int PROGRESS_EVERY = 500;

    private final Catalog catalog;
    private final TagReader tagReader;
    private final LibraryEvents events;
    private final Clock clock;
    private final Map<Path, FileStamp> problemStamps = new HashMap<>();
    private Set<Path> problemPaths;

    Reconciler(Catalog catalog, TagReader tagReader, LibraryEvents events, Clock clock) {
        this.catalog = catalog;
        this.tagReader = tagReader;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param folders the music folders, absolute
     * @param settle how long a file must have been left unmodified before it is taken in, so that a file still
     *     being copied is not read half-written
     * @param missingGrace how long a track stays missing before it is purged
     * @return what the scan did
     */
    ScanReport scan(List<Path> folders, Duration settle, Duration missingGrace) {
        long started = System.nanoTime();
        String scanId = UUID.randomUUID().toString();
        events.scanStarted(scanId);
        Instant now = clock.instant();
        if (problemPaths == null) {
            problemPaths = new HashSet<>();
            catalog.problems().forEach(problem -> problemPaths.add(problem.path()));
        }
        FolderScan.Listing listing = FolderScan.of(folders, (path, reason) -> LOG.warn("{}: {}", path, reason));
        Map<Path, CatalogTrack> known = knownTracks(listing.readFolders(), listing.files());
        Counts counts = new Counts();
        List<Path> newFiles = new ArrayList<>();
        long done = 0;
        for (Map.Entry<Path, FileStamp> entry : listing.files().entrySet()) {
            Path path = entry.getKey();
            FileStamp stamp = entry.getValue();
            CatalogTrack track = known.remove(path);
            if (stamp.modified().isAfter(now.minus(settle))) {
                counts.unsettled++;
            } else if (stamp.equals(problemStamps.get(path))) {
                counts.problems++;
            } else if (track == null) {
                newFiles.add(path);
            } else if (track.missingSince() != null || !sameStamp(track, stamp)) {
                refresh(track, path, stamp, counts);
            }
            if (++done % PROGRESS_EVERY == 0) {
                events.scanProgress(scanId, done, listing.files().size());
            }
        }
        Map<String, List<CatalogTrack>> goneByFingerprint = new HashMap<>();
        known.values().stream().filter(t -> t.missingSince() == null && t.track().file().fastFingerprint() != null)
                .forEach(t -> goneByFingerprint.computeIfAbsent(t.track().file().fastFingerprint(),
                        f -> new ArrayList<>()).add(t));
        for (Path path : newFiles) {
            takeIn(path, listing.files().get(path), goneByFingerprint, known, counts, now);
        }
        for (CatalogTrack gone : known.values()) {
            if (gone.missingSince() == null) {
                catalog.markMissing(gone.id(), now);
                events.removed(gone.id(), gone.track().file().path());
                counts.removed++;
            }
        }
        problemStamps.keySet().retainAll(listing.files().keySet());
        for (Path fixedOrGone : List.copyOf(problemPaths)) {
            boolean walked = listing.readFolders().stream().anyMatch(fixedOrGone::startsWith);
            if (walked && !listing.files().containsKey(fixedOrGone)) {
                clearProblem(fixedOrGone);
            }
        }
        catalog.purgeMissing(now.minus(missingGrace));
        double seconds = (System.nanoTime() - started) / 1e9;
        events.scanCompleted(scanId, listing.files().size(), seconds);
        return new ScanReport(listing.files().size(), counts.added, counts.changed, counts.moved, counts.removed,
                counts.problems, counts.unsettled, seconds);
    }

    /** The catalog's tracks in folders that were walked, unless such a folder came back empty. */
    private Map<Path, CatalogTrack> knownTracks(List<Path> readFolders, Map<Path, FileStamp> found) {
        Map<Path, CatalogTrack> known = new HashMap<>();
        catalog.forEach(track -> {
            Path path = track.track().file().path();
            readFolders.stream().filter(path::startsWith).findFirst().ifPresent(folder -> known.put(path, track));
        });
        for (Path folder : readFolders) {
            boolean emptyNow = found.keySet().stream().noneMatch(p -> p.startsWith(folder));
            if (emptyNow && known.keySet().stream().anyMatch(p -> p.startsWith(folder))) {
                LOG.warn("Music folder {} is empty but the catalog holds tracks in it; taking it for a share that "
                        + "dropped out and leaving its tracks as they are", folder);
                known.keySet().removeIf(p -> p.startsWith(folder));
            }
        }
        return known;
    }

    private void refresh(CatalogTrack track, Path path, FileStamp stamp, Counts counts) {
        try {
            String fingerprint = FastFingerprint.of(path);
            TrackMetadata metadata = fingerprint.equals(track.track().file().fastFingerprint())
                    ? track.metadata() : tagReader.read(path);
            AudioFile file = new AudioFile(path, stamp.sizeBytes(), stamp.modified(), metadata.format(), fingerprint,
                    fingerprint.equals(track.track().file().fastFingerprint()) ? track.track().file().sha256() : null);
            catalog.update(track.id(), file, metadata);
            clearProblem(path);
            events.changed(track.id(), path);
            counts.changed++;
        } catch (UnreadableAudioException | IOException e) {
            recordProblem(path, stamp, e, counts);
        }
    }

    private void takeIn(Path path, FileStamp stamp, Map<String, List<CatalogTrack>> goneByFingerprint,
            Map<Path, CatalogTrack> known, Counts counts, Instant now) {
        try {
            String fingerprint = FastFingerprint.of(path);
            Optional<CatalogTrack> moved = movedTrack(fingerprint, goneByFingerprint);
            if (moved.isPresent()) {
                CatalogTrack track = moved.get();
                catalog.move(track.id(), path);
                known.remove(track.track().file().path());
                events.moved(track.id(), track.track().file().path(), path);
                counts.moved++;
                return;
            }
            TrackMetadata metadata = tagReader.read(path);
            AudioFile file = new AudioFile(path, stamp.sizeBytes(), stamp.modified(), metadata.format(), fingerprint,
                    null);
            long id = catalog.add(file, metadata, now).id();
            clearProblem(path);
            events.added(id, path);
            counts.added++;
        } catch (UnreadableAudioException | IOException e) {
            recordProblem(path, stamp, e, counts);
        }
    }

    /** A gone track of this scan, or a track already missing, whose file had the same fingerprint. */
    private Optional<CatalogTrack> movedTrack(String fingerprint, Map<String, List<CatalogTrack>> goneByFingerprint) {
        List<CatalogTrack> gone = goneByFingerprint.get(fingerprint);
        if (gone != null && !gone.isEmpty()) {
            return Optional.of(gone.remove(0));
        }
        return catalog.findByFastFingerprint(fingerprint).stream()
                .filter(t -> t.missingSince() != null && !Files.exists(t.track().file().path()))
                .findFirst();
    }

    private void clearProblem(Path path) {
        problemStamps.remove(path);
        if (problemPaths.remove(path)) {
            catalog.clearProblem(path);
        }
    }

    private void recordProblem(Path path, FileStamp stamp, Exception e, Counts counts) {
        problemStamps.put(path, stamp);
        problemPaths.add(path);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String prefix = path + ": ";
        String reason = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        catalog.recordProblem(new Problem(path, reason, clock.instant()));
        LOG.warn("{}: {}", path, reason);
        counts.problems++;
    }

    private static boolean sameStamp(CatalogTrack track, FileStamp stamp) {
        AudioFile file = track.track().file();
        return file.sizeBytes() == stamp.sizeBytes() && file.modified().equals(stamp.modified());
    }

    /** Running counts of one scan. */
    private static final class Counts {
        long added;
        long changed;
        long moved;
        long removed;
        long problems;
        long unsettled;
    }
}
