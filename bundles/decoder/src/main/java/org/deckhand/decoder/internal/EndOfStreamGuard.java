package org.deckhand.decoder.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails a decoder that keeps reading at the end of its stream: jflac 1.5.2's frame loop catches the end of the
 * stream while it searches for a frame sync and tries again, forever, when the file ends inside a damaged frame.
 * After {@value #READS_AT_END} reads at the end, the next one throws an {@link IOException}, which jflac does not
 * catch.
 */
final class EndOfStreamGuard extends FilterInputStream {

    private static final int READS_AT_END = 64;

    private final String fileName;
    private int readsAtEnd;

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
        return counted(super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return counted(super.read(b, off, len));
    }

    private int counted(int result) throws IOException {
        if (result >= 0) {
            return result;
        }
        if (++readsAtEnd > READS_AT_END) {
            throw new IOException(fileName + ": the decoder kept reading at the end of the file");
        }
        return result;
    }
}
