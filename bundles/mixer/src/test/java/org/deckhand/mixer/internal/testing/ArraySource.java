package org.deckhand.mixer.internal.testing;

import org.deckhand.mixer.internal.render.PcmSource;

/** A track's audio held in arrays, read block by block like a decoder; remembers whether it was closed. */
public final class ArraySource implements PcmSource {

    private final float[][] samples;
    private int position;
    private boolean closed;

    /**
     * @param samples the audio, one array per channel
     */
    public ArraySource(float[][] samples) {
        this.samples = samples;
    }

    @Override
    public int read(float[][] into, int offset, int maxFrames) {
        if (closed) {
            throw new IllegalStateException("read after close");
        }
        int count = Math.min(maxFrames, samples[0].length - position);
        if (count <= 0) {
            return -1;
        }
        for (int channel = 0; channel < into.length; channel++) {
            System.arraycopy(samples[channel], position, into[channel], offset, count);
        }
        position += count;
        return count;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** @return whether the reader has closed it */
    public boolean closed() {
        return closed;
    }
}
