package org.deckhand.decoder.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails a decoder that keeps reading without getting anything: jflac 1.5.2's frame loop catches the end of the
 * stream while it searches for a frame sync and tries again, forever, when the file ends inside a damaged frame (it
 * asks for more at the end, or for nothing when its buffer is full). After {@value #READS_AT_END} reads that give no
 * byte, the next one throws an {@link IOException}, which jflac does not catch.
 */
final class EndOfStreamGuard extends FilterInputStream {

    private static final int READS_AT_END = 64;

    private final String fileName;
    private int emptyReads;

    /**
     * @param fileName the file's name, for the message
     * @param in the stream to guard
     */
    EndOfStreamGuard(String fileName, InputStream in) {
        super(in);
        this.fileName = fileName;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            gotNothing();
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int read = super.read(b, off, len);
        if (read <= 0) {
            gotNothing();
        }
        return read;
    }

    private void gotNothing() throws IOException {
        if (++emptyReads > READS_AT_END) {
            throw new IOException(fileName + ": the decoder kept reading at the end of the file");
        }
    }
}
