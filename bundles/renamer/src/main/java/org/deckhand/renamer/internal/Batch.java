package org.deckhand.renamer.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A batch of moves as its journal tells it. Mutable: the batch runner advances it. */
final class Batch {

    /** Where a batch is. */
    enum Status {
        /** Its moves are being made. */
        RUNNING,
        /** Every move was made or failed. */
        COMPLETED,
        /** Being undone. */
        UNDOING,
        /** Undone: every file moved back, or reported. */
        UNDONE,
        /** Its plan was never finished: nothing was moved. */
        ABANDONED
    }

    /** A track that got no move: its template gave no valid target. */
    record PlanError(long trackId, Path source, String reason) {
    }

    private final long id;
    private final Instant created;
    private final String description;
    private final List<Move> moves = new ArrayList<>();
    private final List<PlanError> errors = new ArrayList<>();
    private boolean planned;
    private boolean undoRequested;
    private String end;

    Batch(long id, Instant created, String description) {
        this.id = id;
        this.created = created;
        this.description = description;
    }

    long id() {
        return id;
    }

    Instant created() {
        return created;
    }

    String description() {
        return description;
    }

    List<Move> moves() {
        return moves;
    }

    List<PlanError> errors() {
        return errors;
    }

    boolean undoRequested() {
        return undoRequested;
    }

    void markPlanned() {
        planned = true;
    }

    void markUndoRequested() {
        undoRequested = true;
    }

    void end(String state) {
        end = state;
    }

    Status status() {
        if (!planned) {
            return Status.ABANDONED;
        }
        if (Status.UNDONE.name().equals(end)) {
            return Status.UNDONE;
        }
        if (undoRequested) {
            return Status.UNDOING;
        }
        return Status.COMPLETED.name().equals(end) ? Status.COMPLETED : Status.RUNNING;
    }

    /**
     * @param state a move state
     * @return how many moves are in it
     */
    long count(Move.State state) {
        return moves.stream().filter(m -> m.state() == state).count();
    }

    /**
     * Reads a batch from its journal.
     *
     * @param file the journal
     * @return the batch
     * @throws IOException if it cannot be read or does not start with a {@code BATCH} record
     */
    static Batch read(Path file) throws IOException {
        String[] lines = Journal.readLines(file);
        if (lines.length == 0 || !lines[0].startsWith("BATCH\t")) {
            throw new IOException(file + " is not a renamer journal");
        }
        String[] head = lines[0].split("\t", -1);
        Batch batch = new Batch(Long.parseLong(head[1]), Instant.ofEpochMilli(Long.parseLong(head[2])),
                Journal.decode(head[3]));
        for (int i = 1; i < lines.length; i++) {
            batch.apply(lines[i].split("\t", -1));
        }
        return batch;
    }

    private void apply(String[] f) {
        switch (f[0]) {
            case "MOVE" -> moves.add(new Move(Integer.parseInt(f[1]), f[2].equals("-") ? null : Long.valueOf(f[2]),
                    Path.of(Journal.decode(f[3])), Path.of(Journal.decode(f[4]))));
            case "ERROR" -> errors.add(new PlanError(Long.parseLong(f[2]), Path.of(Journal.decode(f[3])),
                    Journal.decode(f[4])));
            case "PLANNED" -> planned = true;
            case "BEGIN" -> move(f).advance(Move.State.BEGUN, null);
            case "COPIED" -> move(f).copied(Move.State.COPIED, f[2]);
            case "DONE" -> move(f).done(Long.parseLong(f[2]), Long.parseLong(f[3]));
            case "FAIL" -> move(f).advance(Move.State.FAILED, Journal.decode(f[2]));
            case "UNDO" -> undoRequested = true;
            case "UBEGIN" -> move(f).advance(Move.State.UNDO_BEGUN, null);
            case "UCOPIED" -> move(f).copied(Move.State.UNDO_COPIED, f[2]);
            case "UDONE" -> move(f).advance(Move.State.UNDONE, null);
            case "USKIP" -> move(f).advance(Move.State.UNDO_SKIPPED, Journal.decode(f[2]));
            case "END" -> end = f[1];
            case "RECOVERED" -> {
            }
            default -> throw new IllegalArgumentException("unknown journal record " + f[0]);
        }
    }

    private Move move(String[] fields) {
        return moves.get(Integer.parseInt(fields[1]));
    }
}
