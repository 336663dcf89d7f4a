package org.deckhand.renamer.internal;

import java.nio.file.Path;

/**
 * One file's move in a batch, and how far it got. Mutable: the batch runner advances it; read under the batch's lock.
 */
final class Move {

    /** How far a move got. */
    enum State {
        /** Planned, not begun. */
        PLANNED,
        /** Begun: the file may be at its source, at its target, or (between link and unlink) at both. */
        BEGUN,
        /** Copied to the target's file system and verified, not yet renamed into place. */
        COPIED,
        /** At its target. */
        DONE,
        /** Not made; {@link Move#reason()} says why; the file is where it was. */
        FAILED,
        /** Being moved back. */
        UNDO_BEGUN,
        /** Copied back and verified, not yet renamed into place. */
        UNDO_COPIED,
        /** Back at its source. */
        UNDONE,
        /** Left at its target by the undo; {@link Move#reason()} says why. */
        UNDO_SKIPPED
    }

    private final int seq;
    private final Long trackId;
    private final Path source;
    private final Path target;
    private State state = State.PLANNED;
    private String reason;
    private String sha256;
    private long sizeBytes = -1;
    private long modifiedMillis = -1;

    Move(int seq, Long trackId, Path source, Path target) {
        this.seq = seq;
        this.trackId = trackId;
        this.source = source;
        this.target = target;
    }

    int seq() {
        return seq;
    }

    /** @return the track whose file this is, or {@code null} for a sidecar file */
    Long trackId() {
        return trackId;
    }

    Path source() {
        return source;
    }

    Path target() {
        return target;
    }

    State state() {
        return state;
    }

    String reason() {
        return reason;
    }

    String sha256() {
        return sha256;
    }

    long sizeBytes() {
        return sizeBytes;
    }

    long modifiedMillis() {
        return modifiedMillis;
    }

    void advance(State next, String why) {
        this.state = next;
        this.reason = why;
    }

    void copied(State next, String digest) {
        this.state = next;
        this.sha256 = digest;
    }

    void done(long size, long modified) {
        this.state = State.DONE;
        this.sizeBytes = size;
        this.modifiedMillis = modified;
    }

    /** @return the temporary name a copy across file systems takes beside its target, unique to this move */
    String tempName(long batchId, boolean undo) {
        return FileMover.TEMP_PREFIX + batchId + "-" + seq + (undo ? "-undo" : "") + ".part";
    }
}
