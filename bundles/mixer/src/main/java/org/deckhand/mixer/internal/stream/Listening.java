package org.deckhand.mixer.internal.stream;

/**
 * One listener of a shared render: its stream and its place in it. Close it when the listener goes, so that its
 * place is freed (and the encoder, with the last listener). Used by the listener's thread.
 */
public final class Listening implements AutoCloseable {

    private final SharedRender render;
    private final EncodedStream stream;
    private final StreamCursor cursor;
    private boolean closed;

    Listening(SharedRender render, EncodedStream stream, StreamCursor cursor) {
        this.render = render;
        this.stream = stream;
        this.cursor = cursor;
    }

    /** @return the stream it reads */
    public EncodedStream stream() {
        return stream;
    }

    /** @return its place in the stream */
    public StreamCursor cursor() {
        return cursor;
    }

    /**
     * @param into where to copy the next bytes
     * @param timeoutMillis how long to wait for them, milliseconds
     * @return how many bytes were copied (0 when none came in time), or -1 at the stream's end
     * @throws InterruptedException if interrupted while waiting
     */
    public int read(byte[] into, long timeoutMillis) throws InterruptedException {
        return stream.read(cursor, into, timeoutMillis, render.positionFrames());
    }

    /** Frees the listener's place. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            render.leave(stream);
        }
    }
}
