package org.deckhand.watcher.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.CatalogException;
import org.deckhand.api.catalog.NewTrack;
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
 * are read again; tracks whose files are gone are marked missing, and purged after a grace period. New tracks are
 * written to the catalog in batches of {@value #BATCH}, one transaction each. A music folder that could not be
 * walked, or that is empty while the catalog holds tracks in it, is taken for a network share that dropped out: its
 * tracks are left as they are, and it is told as missing once, then as back once it can be read again
 * ({@link LibraryEvents#folderMissing}, {@link LibraryEvents#folderBack}). A file that could not be taken in is not
 * read again until its size or modification time changes. What a scan holds for the whole library is kept small:
 * the walk's {@link FileListing} and a {@link KnownTrack} for each catalog track; new files' tags are held a batch
 * at a time.
 */
final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    private static final int PROGRESS_EVERY = 500;
    private static final int BATCH = 250;

    private final Catalog catalog;
    private final TagReader tagReader;
    private final LibraryEvents events;
    private final Clock clock;
    private final OwnChanges ownChanges;
    private final Map<Path, FileStamp> problemStamps = new HashMap<>();
    /** The music folders told as missing and not yet told as back. */
    private final Set<Path> missingFolders = new HashSet<>();
    private Set<Path> problemPaths;

    Reconciler(Catalog catalog, TagReader tagReader, LibraryEvents events, Clock clock, OwnChanges ownChanges) {
        this.catalog = catalog;
        this.tagReader = tagReader;
        this.events = events;
        this.clock = clock;
        this.ownChanges = ownChanges;
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
        Map<Path, String> missing = new HashMap<>();
        FolderScan.Listing listing = FolderScan.of(folders, (path, reason) -> {
            LOG.warn("{}: {}", path, reason);
            if (folders.contains(path)) {
                missing.putIfAbsent(path, reason);
            }
        });
        missing.keySet().retainAll(folders.stream().filter(f -> !listing.readFolders().contains(f)).toList());
        FileListing files = listing.files();
        Map<String, List<KnownTrack>> missingByFingerprint = new HashMap<>();
        Map<Path, KnownTrack> known = knownTracks(listing, missingByFingerprint, missing);
        tellFolders(folders, missing);
        Counts counts = new Counts();
        BitSet newFiles = new BitSet(files.size());
        long done = 0;
        for (int i = 0; i < files.size(); i++) {
            Path path = files.path(i);
            FileStamp stamp = files.stamp(i);
            KnownTrack track = known.remove(path);
            if (stamp.modified().isAfter(now.minus(settle))) {
                counts.unsettled++;
            } else if (stamp.equals(problemStamps.get(path))) {
                counts.problems++;
            } else if (listing.misnamed().containsKey(path)) {
                recordProblem(path, stamp, new UnreadableAudioException(path, listing.misnamed().get(path)), counts);
            } else if (track == null) {
                newFiles.set(i);
                continue;
            } else if (track.missing() || !track.hasStamp(stamp)) {
                refresh(track, path, stamp, counts);
            }
            done = progress(scanId, done, files.size());
        }
        Map<String, List<KnownTrack>> goneByFingerprint = new HashMap<>();
        known.values().stream().filter(t -> !t.missing() && t.fastFingerprint() != null)
                .forEach(t -> goneByFingerprint.computeIfAbsent(t.fastFingerprint(), f -> new ArrayList<>()).add(t));
        List<PendingTrack> pending = new ArrayList<>();
        for (int i = newFiles.nextSetBit(0); i >= 0; i = newFiles.nextSetBit(i + 1)) {
            takeIn(files.path(i), files.stamp(i), goneByFingerprint, missingByFingerprint, known, counts, pending);
            if (pending.size() >= BATCH) {
                addAll(pending, counts, now);
            }
            done = progress(scanId, done, files.size());
        }
        addAll(pending, counts, now);
        for (KnownTrack gone : known.values()) {
            if (!gone.missing()) {
                catalog.markMissing(gone.id(), now);
                events.removed(gone.id(), gone.path());
                counts.removed++;
            }
        }
        for (Path problem : List.copyOf(problemPaths)) {
            boolean walked = listing.readFolders().stream().anyMatch(problem::startsWith);
            if (walked && !files.contains(problem)) {
                clearProblem(problem);
            }
        }
        catalog.purgeMissing(now.minus(missingGrace));
        double seconds = (System.nanoTime() - started) / 1e9;
        events.scanCompleted(scanId, files.size(), seconds);
        return new ScanReport(files.size(), counts.added, counts.changed, counts.moved, counts.removed,
                counts.problems, counts.unsettled, seconds);
    }

    /**
     * The catalog's tracks in folders that were walked, unless such a folder came back empty; and, in the same pass,
     * the tracks already missing, by fingerprint, in case one of them turns up again.
     */
    private Map<Path, KnownTrack> knownTracks(FolderScan.Listing listing,
            Map<String, List<KnownTrack>> missingByFingerprint, Map<Path, String> missingFolders) {
        List<Path> readFolders = listing.readFolders();
        Map<Path, KnownTrack> known = new HashMap<>();
        catalog.forEach(catalogTrack -> {
            KnownTrack track = KnownTrack.of(catalogTrack);
            readFolders.stream().filter(track.path()::startsWith).findFirst()
                    .ifPresent(folder -> known.put(track.path(), track));
            if (track.missing() && track.fastFingerprint() != null) {
                missingByFingerprint.computeIfAbsent(track.fastFingerprint(), f -> new ArrayList<>()).add(track);
            }
        });
        for (Path folder : readFolders) {
            boolean emptyNow = !listing.files().holdsFilesIn(folder);
            if (emptyNow && known.keySet().stream().anyMatch(p -> p.startsWith(folder))) {
                LOG.warn("Music folder {} is empty but the catalog holds tracks in it; taking it for a share that "
                        + "dropped out and leaving its tracks as they are", folder);
                known.keySet().removeIf(p -> p.startsWith(folder));
                missingFolders.put(folder, "the music folder is empty but the catalog holds tracks in it (a network"
                        + " share that dropped out?)");
            }
        }
        return known;
    }

    /**
     * Tells each music folder that went missing since the last scan, and each that came back.
     *
     * @param folders the music folders
     * @param missing those missing now, with what the scan found
     */
    private void tellFolders(List<Path> folders, Map<Path, String> missing) {
        for (Path folder : folders) {
            String reason = missing.get(folder);
            if (reason != null && missingFolders.add(folder)) {
                events.folderMissing(folder, reason);
            } else if (reason == null && missingFolders.remove(folder)) {
                LOG.info("Music folder {} can be read again", folder);
                events.folderBack(folder);
            }
        }
        missingFolders.retainAll(folders);
    }

    /**
     * Takes in a changed file: its new facts and tags, and a change announced so that it is analysed again; unless
     * Deckhand itself changed it ({@link OwnChanges}), which keeps the analysis and announces nothing.
     */
    private void refresh(KnownTrack track, Path path, FileStamp stamp, Counts counts) {
        try {
            Optional<String> ownSha256 = !track.missing() ? ownChanges.take(path, stamp)
                    : Optional.empty();
            String fingerprint = FastFingerprint.of(path);
            TrackMetadata metadata = tagReader.read(path);
            AudioFile file = new AudioFile(path, stamp.sizeBytes(), stamp.modified(), metadata.format(), fingerprint,
                    ownSha256.orElse(null));
            catalog.update(track.id(), file, metadata);
            clearProblem(path);
            if (ownSha256.isPresent()) {
                LOG.debug("{}: took in Deckhand's own change", path);
                return;
            }
            events.changed(track.id(), path);
            counts.changed++;
        } catch (UnreadableAudioException | IOException e) {
            recordProblem(path, stamp, e, counts);
        }
    }

    private long progress(String scanId, long done, long total) {
        long next = done + 1;
        if (next % PROGRESS_EVERY == 0) {
            events.scanProgress(scanId, next, total);
        }
        return next;
    }

    private void takeIn(Path path, FileStamp stamp, Map<String, List<KnownTrack>> goneByFingerprint,
            Map<String, List<KnownTrack>> missingByFingerprint, Map<Path, KnownTrack> known, Counts counts,
            List<PendingTrack> pending) {
        try {
            String fingerprint = FastFingerprint.of(path);
            Optional<KnownTrack> moved = movedTrack(fingerprint, goneByFingerprint, missingByFingerprint);
            if (moved.isPresent()) {
                KnownTrack track = moved.get();
                catalog.move(track.id(), path);
                known.remove(track.path());
                events.moved(track.id(), track.path(), path);
                counts.moved++;
                return;
            }
            TrackMetadata metadata = tagReader.read(path);
            AudioFile file = new AudioFile(path, stamp.sizeBytes(), stamp.modified(), metadata.format(), fingerprint,
                    null);
            pending.add(new PendingTrack(new NewTrack(file, metadata), stamp));
        } catch (UnreadableAudioException | IOException e) {
            recordProblem(path, stamp, e, counts);
        }
    }

    /** Adds the pending tracks in one transaction, or, when that fails, one by one so that only the culprit fails. */
    private void addAll(List<PendingTrack> pending, Counts counts, Instant now) {
        if (pending.isEmpty()) {
            return;
        }
        List<Long> ids;
        try {
            ids = catalog.addAll(pending.stream().map(PendingTrack::track).toList(), now);
        } catch (CatalogException batchFailed) {
            ids = new ArrayList<>();
            for (PendingTrack track : pending) {
                try {
                    ids.add(catalog.add(track.track().file(), track.track().metadata(), now).id());
                } catch (CatalogException e) {
                    ids.add(null);
                    recordProblem(track.track().file().path(), track.stamp(), e, counts);
                }
            }
        }
        for (int i = 0; i < pending.size(); i++) {
            if (ids.get(i) != null) {
                Path path = pending.get(i).track().file().path();
                clearProblem(path);
                events.added(ids.get(i), path);
                counts.added++;
            }
        }
        pending.clear();
    }

    /** A gone track of this scan, or a track already missing, whose file had the same fingerprint. */
    private static Optional<KnownTrack> movedTrack(String fingerprint,
            Map<String, List<KnownTrack>> goneByFingerprint, Map<String, List<KnownTrack>> missingByFingerprint) {
        for (Map<String, List<KnownTrack>> candidates : List.of(goneByFingerprint, missingByFingerprint)) {
            List<KnownTrack> tracks = candidates.get(fingerprint);
            while (tracks != null && !tracks.isEmpty()) {
                KnownTrack track = tracks.remove(0);
                if (!Files.exists(track.path())) {
                    return Optional.of(track);
                }
            }
        }
        return Optional.empty();
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

    /** A new track read and waiting for its batch. */
    private record PendingTrack(NewTrack track, FileStamp stamp) {
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
