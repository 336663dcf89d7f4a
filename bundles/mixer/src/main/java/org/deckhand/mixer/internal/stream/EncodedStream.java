package org.deckhand.mixer.internal.stream;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.deckhand.mixer.internal.encode.AudioEncoder;
import org.deckhand.mixer.internal.encode.EncodedSink;

/**
 * One encoder's output, shared by every listener of a format and bit rate: the latest bytes in a bounded ring, the
 * points where a player may start decoding (each with the mix's frame it was encoded at) and the title marks. The
 * render thread writes; each listener reads with its own {@link StreamCursor} and never holds the writer back: a
 * listener that falls behind the ring's tail is moved to the live edge. Thread-safe.
 */
public final class EncodedStream {

    private final StreamKey key;
    private final AudioEncoder encoder;
    private final byte[] header;
    private final byte[] ring;
    private final ArrayDeque<long[]> syncPoints = new ArrayDeque<>();
    private final List<TitleMark> titles = new ArrayList<>();
    private final EncodedSink sink = this::append;
    private final long firstFrame;
    private long head;
    private long encodedFrames;
    private boolean ended;
    private boolean aborted;
    private int listeners;

    /**
     * @param key the format and bit rate
     * @param encoder the encoder, used by the render thread alone
     * @param capacityBytes how many of the latest bytes the ring keeps
     * @param firstFrame the mix's frame the encoder starts at
     */
    EncodedStream(StreamKey key, AudioEncoder encoder, int capacityBytes, long firstFrame) {
        this.key = key;
        this.encoder = encoder;
        header = encoder.header();
        ring = new byte[capacityBytes];
        this.firstFrame = firstFrame;
        encodedFrames = firstFrame;
    }

    /** @return the mix's frame that the stream's first byte after the header encodes */
    public long firstFrame() {
        return firstFrame;
    }

    /** @return the format and bit rate */
    public StreamKey key() {
        return key;
    }

    /** @return what a player receives before the first byte it reads: the WAV or FLAC header, or nothing */
    public byte[] header() {
        return header.clone();
    }

    /** @return the mix's frame up to which the encoder has been fed; render thread only */
    long encodedFrames() {
        return encodedFrames;
    }

    /**
     * Encodes frames of the mix; render thread only.
     *
     * @param pcm left and right samples
     * @param frames how many
     * @throws IOException if the encoder fails
     */
    void encode(float[][] pcm, int frames) throws IOException {
        encodedFrames += frames;
        encoder.encode(pcm, 0, frames, sink);
    }

    /**
     * Encodes what the encoder holds back, and marks the stream ended: listeners read what is left, then the end.
     *
     * @throws IOException if the encoder fails
     */
    void finish() throws IOException {
        try {
            encoder.finish(sink);
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /** Ends the stream at once: listeners read the end next, whatever is left. */
    synchronized void abort() {
        aborted = true;
        notifyAll();
    }

    /** @param title the title that starts at the next byte written */
    synchronized void markTitle(String title) {
        titles.add(new TitleMark(head, title));
        while (titles.size() >= 2 && titles.get(1).position() <= tail()) {
            titles.remove(0);
        }
    }

    private synchronized void append(byte[] bytes, int offset, int length) {
        if (length > ring.length) {
            offset += length - ring.length;
            length = ring.length;
        }
        syncPoints.add(new long[] {head, encodedFrames});
        for (int done = 0; done < length;) {
            int at = (int) ((head + done) % ring.length);
            int count = Math.min(length - done, ring.length - at);
            System.arraycopy(bytes, offset + done, ring, at, count);
            done += count;
        }
        head += length;
        long tail = tail();
        while (!syncPoints.isEmpty() && syncPoints.peekFirst()[0] < tail) {
            syncPoints.removeFirst();
        }
        notifyAll();
    }

    /** @return the oldest byte the ring still holds */
    private long tail() {
        return Math.max(0, head - ring.length);
    }

    synchronized int addListener() {
        return ++listeners;
    }

    synchronized int removeListener() {
        return --listeners;
    }

    /** @return how many listeners read this stream */
    public synchronized int listeners() {
        return listeners;
    }

    /**
     * @param liveFrame the mix's frame that listeners hear now
     * @return a cursor at the last point where a player may start that was encoded at or before that frame (the
     *     oldest such point when all are later; the stream's start when it has none yet)
     */
    synchronized StreamCursor cursorAt(long liveFrame) {
        return new StreamCursor(livePosition(liveFrame));
    }

    private long livePosition(long liveFrame) {
        long position = syncPoints.isEmpty() ? head : syncPoints.peekFirst()[0];
        for (Iterator<long[]> points = syncPoints.iterator(); points.hasNext();) {
            long[] point = points.next();
            if (point[1] > liveFrame) {
                break;
            }
            position = point[0];
        }
        return position;
    }

    /**
     * Reads the next bytes for a listener, waiting for them when there are none yet. A listener behind the ring's
     * tail first moves to the live edge.
     *
     * @param cursor the listener's place, advanced past the bytes read
     * @param into where to copy them
     * @param timeoutMillis how long to wait for bytes, milliseconds
     * @param liveFrame the mix's frame that listeners hear now, where a listener that fell behind goes
     * @return how many bytes were copied (0 when none came in time), or -1 at the stream's end
     * @throws InterruptedException if interrupted while waiting
     */
    public synchronized int read(StreamCursor cursor, byte[] into, long timeoutMillis, long liveFrame)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!aborted && cursor.position() >= head && !ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return 0;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        if (aborted || cursor.position() >= head) {
            return -1;
        }
        if (cursor.position() < tail()) {
            cursor.jumpTo(livePosition(liveFrame));
        }
        int count = (int) Math.min(into.length, head - cursor.position());
        for (int done = 0; done < count;) {
            int at = (int) ((cursor.position() + done) % ring.length);
            int chunk = Math.min(count - done, ring.length - at);
            System.arraycopy(ring, at, into, done, chunk);
            done += chunk;
        }
        cursor.advance(count);
        return count;
    }

    /**
     * @param position a byte of the stream
     * @return the title playing at that byte, or null before the first title
     */
    public synchronized String titleAt(long position) {
        String title = null;
        for (TitleMark mark : titles) {
            if (mark.position() > position) {
                break;
            }
            title = mark.title();
        }
        return title;
    }
}
