package org.deckhand.mixer.internal.encode;

import java.io.IOException;
import java.util.Arrays;
import org.deckhand.media.MpegFrameHeader;

/**
 * Cuts an MPEG audio byte stream into whole frames, so that a listener may join at any of them: LAME hands out its bit
 * stream in pieces that do not follow frame boundaries. Frame lengths come from each frame's header ({@link
 * MpegFrameHeader}, ISO/IEC 11172-3 section 2.4.2.3). Bytes that do not start with a frame header (which LAME never
 * writes) are passed on with the frame before them.
 */
final class Mp3FrameSplitter {

    private byte[] pending = new byte[16_384];
    private int length;
    private long frames;
    private long frameLimit = Long.MAX_VALUE;

    /** @param limit how many frames to pass on in all; those after are dropped */
    void limitFrames(long limit) {
        frameLimit = limit;
    }

    /**
     * Takes more of the stream and passes on every frame it completes, as one piece.
     *
     * @param bytes encoder output
     * @param offset where it starts
     * @param count how many bytes
     * @param sink receives whole frames
     * @throws IOException if the sink fails
     */
    void add(byte[] bytes, int offset, int count, EncodedSink sink) throws IOException {
        if (length + count > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, length + count));
        }
        System.arraycopy(bytes, offset, pending, length, count);
        length += count;
        int complete = 0;
        int passed = 0;
        while (true) {
            int frame = frameLength(complete);
            if (frame <= 0 || complete + frame > length) {
                break;
            }
            complete += frame;
            if (frames < frameLimit) {
                frames++;
                passed = complete;
            }
        }
        if (complete > 0) {
            if (passed > 0) {
                sink.write(pending, 0, passed);
            }
            System.arraycopy(pending, complete, pending, 0, length - complete);
            length -= complete;
        }
    }

    /**
     * Passes on what is left, complete or not, at the end of the stream.
     *
     * @param sink receives the rest
     * @throws IOException if the sink fails
     */
    void flush(EncodedSink sink) throws IOException {
        if (length > 0 && frames < frameLimit) {
            sink.write(pending, 0, length);
            length = 0;
        }
    }

    /**
     * @return the length of the frame whose header starts at {@code at}, or 0 when the header is not all there
     *     yet; bytes that are no header count as one frame up to the next sync word
     */
    private int frameLength(int at) {
        if (at + MpegFrameHeader.BYTES > length) {
            return 0;
        }
        int frame = MpegFrameHeader.frameBytes(pending, at);
        if (frame > 0) {
            return frame;
        }
        for (int next = at + 1; next + MpegFrameHeader.BYTES <= length; next++) {
            if (MpegFrameHeader.frameBytes(pending, next) > 0) {
                return next - at;
            }
        }
        return 0;
    }
}
