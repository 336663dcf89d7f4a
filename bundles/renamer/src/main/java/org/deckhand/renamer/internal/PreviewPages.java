package org.deckhand.renamer.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A preview's moves, written to a file as the planner works them out and read back a page at a time, so that a
 * preview of a whole library holds in memory only the byte offset of every {@value #STRIDE}th move and the first
 * {@value #KEPT_ERRORS} errors. A preview that a newer one supersedes stops at its next move. The file is deleted on
 * {@link #close()}. Thread-safe once {@link #finish} is called.
 */
final class PreviewPages implements Planner.Sink, Closeable {

    /** One offset is kept for every this many moves. */
    static final int STRIDE = 256;
    /** How many errors are kept; the rest are counted. */
    static final int KEPT_ERRORS = 1000;

    private final Path file;
    private final DataOutputStream out;
    private final BooleanSupplier superseded;
    private long[] offsets = new long[64];
    private long written;
    private long moves;
    private final List<Batch.PlanError> errors = new ArrayList<>();
    private long errorCount;
    private Planner.Counts counts;

    /** A preview's planning stopped because a newer preview was asked for. */
    static final class SupersededException extends IOException {
        private static final long serialVersionUID = 1L;

        SupersededException() {
            super("a newer preview was asked for; this one stopped");
        }
    }

    /**
     * @param folder where the file is made
     * @throws IOException if it cannot be made
     */
    PreviewPages(Path folder) throws IOException {
        this(folder, () -> false);
    }

    /**
     * @param folder where the file is made
     * @param superseded tells whether a newer preview was asked for, so that this one stops
     * @throws IOException if it cannot be made
     */
    PreviewPages(Path folder, BooleanSupplier superseded) throws IOException {
        this.superseded = superseded;
        Files.createDirectories(folder);
        this.file = Files.createTempFile(folder, "preview-", ".moves");
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    /**
     * @throws SupersededException if a newer preview was asked for
     */
    @Override
    public void move(PlannedMove move) throws IOException {
        if (superseded.getAsBoolean()) {
            throw new SupersededException();
        }
        if (moves % STRIDE == 0) {
            int slot = (int) (moves / STRIDE);
            if (slot == offsets.length) {
                offsets = Arrays.copyOf(offsets, slot * 2);
            }
            offsets[slot] = written;
        }
        out.writeLong(move.trackId() == null ? -1 : move.trackId());
        written += 8 + text(move.source().toString()) + text(move.target().toString()) + text(move.reason());
        moves++;
    }

    @Override
    public void error(Batch.PlanError error) {
        if (errors.size() < KEPT_ERRORS) {
            errors.add(error);
        }
        errorCount++;
    }

    /**
     * Ends the writing.
     *
     * @param planned the plan's counts
     * @throws IOException if the file cannot be written
     */
    void finish(Planner.Counts planned) throws IOException {
        out.close();
        synchronized (this) {
            this.counts = planned;
        }
    }

    /**
     * @return the plan's counts
     */
    synchronized Planner.Counts counts() {
        return counts;
    }

    /**
     * @return how many moves the plan has
     */
    synchronized long moveCount() {
        return moves;
    }

    /**
     * @return the first {@value #KEPT_ERRORS} tracks that get no move
     */
    synchronized List<Batch.PlanError> errors() {
        return List.copyOf(errors);
    }

    /**
     * @return how many tracks get no move
     */
    synchronized long errorCount() {
        return errorCount;
    }

    /**
     * @param offset the first move, from 0
     * @param limit at most how many
     * @return those moves, in plan order; empty past the end
     * @throws IOException if the file cannot be read (it was closed, or is damaged)
     */
    synchronized List<PlannedMove> page(long offset, int limit) throws IOException {
        List<PlannedMove> page = new ArrayList<>();
        if (offset >= moves || limit <= 0) {
            return page;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(offsets[(int) (offset / STRIDE)]);
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
            long end = Math.min(moves, offset + limit);
            for (long i = offset / STRIDE * STRIDE; i < end; i++) {
                long trackId = in.readLong();
                String source = readText(in);
                String target = readText(in);
                String reason = readText(in);
                if (i >= offset) {
                    page.add(new PlannedMove(trackId < 0 ? null : trackId, Path.of(source), Path.of(target), reason));
                }
            }
        }
        return page;
    }

    /** Deletes the file. */
    @Override
    public synchronized void close() throws IOException {
        out.close();
        Files.deleteIfExists(file);
    }

    private int text(String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
        return 4 + bytes.length;
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
