package org.deckhand.mixer.internal.stream;

/** One listener's place in an encoded stream; used by that listener's thread alone. */
public final class StreamCursor {

    private long position;
    private int jumps;

    StreamCursor(long position) {
        this.position = position;
    }

    /** @return the next byte of the stream this listener reads, counted from the stream's first byte */
    public long position() {
        return position;
    }

    void advance(int bytes) {
        position += bytes;
    }

    void jumpTo(long newPosition) {
        position = newPosition;
        jumps++;
    }

    /** @return how many times the listener fell behind the ring and was moved to the live edge */
    public int jumps() {
        return jumps;
    }
}
