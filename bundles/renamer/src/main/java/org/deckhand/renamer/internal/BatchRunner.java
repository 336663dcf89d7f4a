package org.deckhand.renamer.internal;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.CatalogException;
import org.deckhand.api.catalog.CatalogTrack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs batches of moves over their journals ({@link Journal}, one file per batch in {@code DATA/renamer}): apply,
 * undo, and recovery after a crash. Each move is journalled ({@code BEGIN}, fsynced) before it is made and recorded
 * after; the catalog is told of each track's new path once its file is there, so the track keeps its id, tags and
 * analysis. Recovery finds every move that a crash interrupted, sees on disk how far it got, finishes or reverts it,
 * deletes temporary copies, and brings the catalog in step; an interrupted apply or undo then resumes. One batch
 * runs at a time; the caller runs them on one thread. A batch's state is read and changed under its own lock.
 */
final class BatchRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);
    private static final String SUFFIX = ".journal";
    private static final int CATALOG_CHUNK = 500;

    private final Path folder;
    private final Catalog catalog;
    private final List<Path> musicFolders;
    private final BatchEvents events;
    private final AtomicLong fsyncs;
    private final FileMover mover;

    /**
     * @param folder where the journals are kept, created when missing
     * @param catalog told of each track's new path
     * @param musicFolders the music folders, absolute; empty folders are removed up to them, never them
     * @param events told of progress
     * @param fsyncs counts the fsyncs made
     * @throws IOException if the folder cannot be created
     */
    BatchRunner(Path folder, Catalog catalog, List<Path> musicFolders, BatchEvents events, AtomicLong fsyncs)
            throws IOException {
        this.folder = Files.createDirectories(folder);
        this.catalog = catalog;
        this.musicFolders = List.copyOf(musicFolders);
        this.events = events;
        this.fsyncs = fsyncs;
        this.mover = new FileMover(fsyncs);
    }

    /**
     * Journals a new batch: its plan is durable before any file is touched.
     *
     * @param description what the batch does, for the user (template and query)
     * @param moves the moves, in the order they are to be made
     * @param errors the tracks that got no move, for the report
     * @return the batch, not yet run
     * @throws IOException if the journal cannot be written
     */
    Batch create(String description, List<PlannedMove> moves, List<Batch.PlanError> errors) throws IOException {
        long id = nextId();
        Instant now = Instant.now();
        Batch batch = new Batch(id, now, description);
        try (Journal journal = new Journal(journal(id), fsyncs)) {
            journal.append("BATCH", Long.toString(id), Long.toString(now.toEpochMilli()), Journal.encode(description));
            int seq = 0;
            for (PlannedMove move : moves) {
                journal.append("MOVE", Integer.toString(seq), move.trackId() == null ? "-" : move.trackId().toString(),
                        Journal.encode(move.source().toString()), Journal.encode(move.target().toString()));
                batch.moves().add(new Move(seq++, move.trackId(), move.source(), move.target()));
            }
            for (Batch.PlanError error : errors) {
                journal.append("ERROR", "0", Long.toString(error.trackId()), Journal.encode(error.source().toString()),
                        Journal.encode(error.reason()));
                batch.errors().add(error);
            }
            journal.appendDurably("PLANNED");
            batch.markPlanned();
        }
        return batch;
    }

    /**
     * Makes a batch's moves that are not yet made, in order; a move that fails is recorded and the batch goes on.
     *
     * @param batch a batch that is {@link Batch.Status#RUNNING}
     * @throws IOException if the journal cannot be written; the batch stops, and recovery resumes it
     */
    void apply(Batch batch) throws IOException {
        events.started(batch, false);
        long total = batch.moves().size();
        try (Journal journal = new Journal(journal(batch.id()), fsyncs)) {
            long done = 0;
            for (Move move : batch.moves()) {
                if (move.state() == Move.State.PLANNED) {
                    applyOne(batch, move, journal);
                }
                events.progress(batch, ++done, total);
            }
            removeEmptyFolders(batch.moves().stream().filter(m -> m.state() == Move.State.DONE)
                    .map(m -> m.source().getParent()));
            journal.appendDurably("END", Batch.Status.COMPLETED.name());
            synchronized (batch) {
                batch.end(Batch.Status.COMPLETED.name());
            }
        } catch (IOException | RuntimeException e) {
            events.failed(batch, e.toString());
            throw e;
        }
        events.completed(batch);
    }

    /**
     * Moves a batch's files back, last move first, each only if it is still as the batch left it (same size and
     * modification time, nothing at its old path); the others are reported.
     *
     * @param batch a batch that is {@link Batch.Status#COMPLETED} or {@link Batch.Status#UNDOING}
     * @throws IOException if the journal cannot be written; the undo stops, and recovery resumes it
     */
    void undo(Batch batch) throws IOException {
        events.started(batch, true);
        requestUndo(batch);
        try (Journal journal = new Journal(journal(batch.id()), fsyncs)) {
            List<Move> moves = batch.moves();
            long done = 0;
            for (int i = moves.size() - 1; i >= 0; i--) {
                if (moves.get(i).state() == Move.State.DONE) {
                    undoOne(batch, moves.get(i), journal);
                }
                events.progress(batch, ++done, moves.size());
            }
            removeEmptyFolders(moves.stream().filter(m -> m.state() == Move.State.UNDONE)
                    .map(m -> m.target().getParent()));
            journal.appendDurably("END", Batch.Status.UNDONE.name());
            synchronized (batch) {
                batch.end(Batch.Status.UNDONE.name());
            }
        } catch (IOException | RuntimeException e) {
            events.failed(batch, e.toString());
            throw e;
        }
        events.undone(batch, batch.count(Move.State.UNDO_SKIPPED));
    }

    /**
     * Journals that a batch is to be undone, so that a stop before the undo ends resumes it.
     *
     * @param batch a completed batch
     * @throws IOException if the journal cannot be written
     */
    void requestUndo(Batch batch) throws IOException {
        synchronized (batch) {
            if (batch.undoRequested()) {
                return;
            }
            try (Journal journal = new Journal(journal(batch.id()), fsyncs)) {
                journal.appendDurably("UNDO");
            }
            batch.markUndoRequested();
        }
    }

    /**
     * Reads every journal and repairs what a crash interrupted: each move found begun is finished or reverted by
     * what is on disk, temporary copies are deleted, and the catalog is told where each track's file is.
     *
     * @return every batch, oldest first; those still {@link Batch.Status#RUNNING} or {@link Batch.Status#UNDOING}
     *     are to be resumed
     * @throws IOException if the journals cannot be listed
     */
    List<Batch> recover() throws IOException {
        List<Batch> batches = new ArrayList<>();
        for (Path file : journals()) {
            try {
                Batch batch = Batch.read(file);
                if (batch.status() != Batch.Status.ABANDONED) {
                    repair(batch);
                }
                batches.add(batch);
            } catch (IOException | RuntimeException e) {
                LOG.error("Renamer journal {} cannot be read ({}); its batch is left as it is", file, e.toString());
            }
        }
        return batches;
    }

    private void applyOne(Batch batch, Move move, Journal journal) throws IOException {
        if (move.trackId() == null && albumStayed(batch, move)) {
            fail(batch, move, journal, move.source() + " stays with the album's tracks that did not move");
            return;
        }
        journal.appendDurably("BEGIN", Integer.toString(move.seq()));
        synchronized (batch) {
            move.advance(Move.State.BEGUN, null);
        }
        try {
            mover.move(move.source(), move.target(), move.tempName(batch.id(), false), sha -> {
                journal.appendDurably("COPIED", Integer.toString(move.seq()), sha);
                synchronized (batch) {
                    move.copied(Move.State.COPIED, sha);
                }
            });
        } catch (MoveFailedException e) {
            fail(batch, move, journal, e.getMessage());
            return;
        }
        markDone(batch, move, journal);
        tellCatalog(move.trackId(), move.target());
    }

    private void undoOne(Batch batch, Move move, Journal journal) throws IOException {
        String changed = changedSinceMove(move);
        if (changed != null) {
            skip(batch, move, journal, changed);
            return;
        }
        journal.appendDurably("UBEGIN", Integer.toString(move.seq()));
        synchronized (batch) {
            move.advance(Move.State.UNDO_BEGUN, null);
        }
        try {
            mover.move(move.target(), move.source(), move.tempName(batch.id(), true), sha -> {
                journal.appendDurably("UCOPIED", Integer.toString(move.seq()), sha);
                synchronized (batch) {
                    move.copied(Move.State.UNDO_COPIED, sha);
                }
            });
        } catch (MoveFailedException e) {
            skip(batch, move, journal, e.getMessage());
            return;
        }
        journal.append("UDONE", Integer.toString(move.seq()));
        synchronized (batch) {
            move.advance(Move.State.UNDONE, null);
        }
        tellCatalog(move.trackId(), move.source());
    }

    /** @return why the file is not as the batch left it, or {@code null} when it is */
    private static String changedSinceMove(Move move) {
        try {
            BasicFileAttributes now = Files.readAttributes(move.target(), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (now.size() != move.sizeBytes() || now.lastModifiedTime().toMillis() != move.modifiedMillis()) {
                return move.target() + " changed since the batch moved it; it was left there";
            }
        } catch (NoSuchFileException e) {
            return move.target() + " is gone since the batch moved it; nothing to move back";
        } catch (IOException e) {
            return "cannot read " + move.target() + ": " + e;
        }
        if (Files.exists(move.source(), LinkOption.NOFOLLOW_LINKS)) {
            return "another file is now at " + move.source() + "; " + move.target() + " was left where it is";
        }
        return null;
    }

    private boolean albumStayed(Batch batch, Move sidecar) {
        Path folder = sidecar.source().getParent();
        return batch.moves().stream().anyMatch(m -> m.trackId() != null && m.state() != Move.State.DONE
                && folder.equals(m.source().getParent()));
    }

    private void markDone(Batch batch, Move move, Journal journal) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(move.target(), BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        long modified = attributes.lastModifiedTime().toMillis();
        journal.append("DONE", Integer.toString(move.seq()), Long.toString(attributes.size()),
                Long.toString(modified));
        synchronized (batch) {
            move.done(attributes.size(), modified);
        }
    }

    private static void fail(Batch batch, Move move, Journal journal, String reason) throws IOException {
        journal.append("FAIL", Integer.toString(move.seq()), Journal.encode(reason));
        synchronized (batch) {
            move.advance(Move.State.FAILED, reason);
        }
        LOG.warn("Renamer batch {}: {}", batch.id(), reason);
    }

    private static void skip(Batch batch, Move move, Journal journal, String reason) throws IOException {
        journal.append("USKIP", Integer.toString(move.seq()), Journal.encode(reason));
        synchronized (batch) {
            move.advance(Move.State.UNDO_SKIPPED, reason);
        }
        LOG.warn("Renamer batch {} undo: {}", batch.id(), reason);
    }

    private void tellCatalog(Long trackId, Path path) {
        if (trackId == null) {
            return;
        }
        try {
            catalog.move(trackId, path);
        } catch (CatalogException e) {
            LOG.warn("The catalog did not take in the move of track {} to {} ({}); the next scan will", trackId, path,
                    e.getMessage());
        }
    }

    private void repair(Batch batch) throws IOException {
        try (Journal journal = new Journal(journal(batch.id()), fsyncs)) {
            for (Move move : batch.moves()) {
                deleteTemp(move.target().resolveSibling(move.tempName(batch.id(), false)));
                deleteTemp(move.source().resolveSibling(move.tempName(batch.id(), true)));
                switch (move.state()) {
                    case BEGUN, COPIED -> repairForward(batch, move, journal);
                    case UNDO_BEGUN, UNDO_COPIED -> repairBackward(batch, move, journal);
                    default -> {
                    }
                }
            }
            journal.appendDurably("RECOVERED");
        }
        bringCatalogInStep(batch);
    }

    /** A move that a crash interrupted: where is the file? */
    private void repairForward(Batch batch, Move move, Journal journal) throws IOException {
        Path source = move.source();
        Path target = move.target();
        boolean atSource = Files.exists(source, LinkOption.NOFOLLOW_LINKS);
        boolean atTarget = exactlyThere(target);
        if (atTarget && (!atSource || sameFile(source, target) || isVerifiedCopy(move, target))) {
            if (atSource && !sameNameOnCaseInsensitiveDisk(source, target)) {
                Files.delete(source);
            }
            LOG.info("Renamer batch {}: finished the move of {} to {} that a stop interrupted", batch.id(), source,
                    target);
            markDone(batch, move, journal);
        } else if (atSource && !atTarget) {
            synchronized (batch) {
                move.advance(Move.State.PLANNED, null);
            }
        } else if (atSource) {
            fail(batch, move, journal, target + " is taken by another file; " + source + " was left as it is");
        } else {
            fail(batch, move, journal, source + " is gone; nothing was moved");
        }
    }

    /** A move back that a crash interrupted. */
    private void repairBackward(Batch batch, Move move, Journal journal) throws IOException {
        Path from = move.target();
        Path to = move.source();
        boolean atFrom = Files.exists(from, LinkOption.NOFOLLOW_LINKS);
        boolean atTo = exactlyThere(to);
        if (atTo && (!atFrom || sameFile(from, to) || isVerifiedCopy(move, to))) {
            if (atFrom && !sameNameOnCaseInsensitiveDisk(from, to)) {
                Files.delete(from);
            }
            journal.append("UDONE", Integer.toString(move.seq()));
            synchronized (batch) {
                move.advance(Move.State.UNDONE, null);
            }
        } else if (atFrom && !atTo) {
            synchronized (batch) {
                move.advance(Move.State.DONE, null);
            }
        } else if (atFrom) {
            skip(batch, move, journal, "another file is now at " + to + "; " + from + " was left where it is");
        } else {
            skip(batch, move, journal, from + " is gone; nothing to move back");
        }
    }

    private static boolean isVerifiedCopy(Move move, Path copy) {
        try {
            return move.sha256() != null && move.sha256().equals(FileMover.digest(copy));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** On a case-insensitive disk, {@code a.mp3} and {@code A.mp3} are one file under one name: never delete it. */
    private static boolean sameNameOnCaseInsensitiveDisk(Path a, Path b) {
        return PathSanitiser.collisionKey(a.toString()).equals(PathSanitiser.collisionKey(b.toString()));
    }

    /** Whether a file is there under exactly this name, not only under one that differs in case. */
    private static boolean exactlyThere(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path.getParent())) {
            String name = path.getFileName().toString();
            return entries.anyMatch(entry -> entry.getFileName().toString().equals(name));
        }
    }

    private void bringCatalogInStep(Batch batch) {
        Map<Long, Path> expected = new HashMap<>();
        for (Move move : batch.moves()) {
            if (move.trackId() != null) {
                boolean atTarget = move.state() == Move.State.DONE || move.state() == Move.State.UNDO_SKIPPED;
                expected.put(move.trackId(), atTarget ? move.target() : move.source());
            }
        }
        List<Long> ids = new ArrayList<>(expected.keySet());
        for (int from = 0; from < ids.size(); from += CATALOG_CHUNK) {
            for (CatalogTrack track : catalog.getAll(ids.subList(from, Math.min(ids.size(), from + CATALOG_CHUNK)))) {
                Path path = expected.get(track.id());
                if (!track.track().file().path().equals(path) && Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                    tellCatalog(track.id(), path);
                }
            }
        }
    }

    private void removeEmptyFolders(Stream<Path> folders) {
        Set<Path> candidates = new LinkedHashSet<>();
        folders.forEach(candidates::add);
        candidates.stream().sorted(Comparator.comparingInt(Path::getNameCount).reversed()).forEach(start -> {
            Path root = musicFolders.stream().filter(start::startsWith).findFirst().orElse(null);
            for (Path dir = start; root != null && dir != null && dir.startsWith(root) && !dir.equals(root);
                    dir = dir.getParent()) {
                try {
                    Files.delete(dir);
                } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                    if (Files.exists(dir)) {
                        return;
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private static void deleteTemp(Path temp) throws IOException {
        if (Files.deleteIfExists(temp)) {
            LOG.info("Deleted {}, a copy that an interrupted move left", temp);
        }
    }

    private Path journal(long id) {
        return folder.resolve(String.format("%08d", id) + SUFFIX);
    }

    private List<Path> journals() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
    }

    private long nextId() throws IOException {
        List<Path> existing = journals();
        if (existing.isEmpty()) {
            return 1;
        }
        String last = existing.get(existing.size() - 1).getFileName().toString();
        return Long.parseLong(last.substring(0, last.length() - SUFFIX.length())) + 1;
    }
}
