package org.deckhand.decoder.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jflac.FLACDecoder;
import org.jflac.FrameListener;
import org.jflac.frame.Frame;
import org.jflac.metadata.Metadata;

/**
 * Stops jflac 1.5.2 where its frame loop ({@code FLACDecoder.readNextFrame}) would go round forever. After a bad frame
 * header jflac searches for the next frame sync and tries again; but its search reads nothing once it has decoded the
 * samples STREAMINFO declares, or at the end of the file (it catches the end of the stream there), and its header
 * parser rejects some headers (a reserved bit set, a sync byte where the header goes on) before it consumes a byte:
 * the same header is then rejected again and again. jflac reports each error to its frame listeners; a second error
 * at the same byte of the stream throws an {@link UncheckedIOException}, which jflac does not catch. Between two errors
 * jflac otherwise always reads on (a frame sync is two bytes, a frame's CRC two more), so no damaged file that jflac
 * can get past is stopped.
 */
final class FlacFrameSearchGuard implements FrameListener {

    private final FLACDecoder decoder;
    private long lastErrorAtByte = -1;

    /**
     * @param decoder the decoder to watch, which this guard is then added to as a frame listener
     */
    FlacFrameSearchGuard(FLACDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public void processMetadata(Metadata metadata) {
        // metadata blocks are bounded before jflac sees them (FlacMetadataBlocks)
    }

    @Override
    public void processFrame(Frame frame) {
        // only errors matter here
    }

    /**
     * @throws UncheckedIOException wrapping an {@link IOException} that says where jflac is stuck (the caller adds the
     *     file's name), when jflac reports an error at the byte where it reported the previous one
     */
    @Override
    public void processError(String message) {
        long at = decoder.getTotalBytesRead();
        if (at == lastErrorAtByte) {
            throw new UncheckedIOException(new IOException("a damaged frame header after "
                    + decoder.getSamplesDecoded() + " samples stops jflac, which reports it again without reading on ("
                    + message + ")"));
        }
        lastErrorAtByte = at;
    }
}
