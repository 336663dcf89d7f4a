package org.deckhand.mixer.internal.encode;

import java.io.IOException;
import java.util.Arrays;

/**
 * Cuts an MPEG-1 Layer III byte stream into whole frames, so that a listener may join at any of them: LAME hands out
 * its bit stream in pieces that do not follow frame boundaries. Frame lengths follow ISO/IEC 11172-3: 144 × bit
 * rate / sample rate bytes, plus one when the padding bit is set. Bytes that do not start with a frame header
 * (which LAME never writes) are passed on with the frame before them.
 */
final class Mp3FrameSplitter {

    private static final int HEADER_BYTES = 4;
    private static final int[] BIT_RATES_KBPS = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0};
    private static final int[] SAMPLE_RATES_HZ = {44_100, 48_000, 32_000, 0};

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
     * @param index the bit rate index of an MPEG-1 Layer III frame header, 0 to 15
     * @return its bit rate, kbit/s; 0 for the free and the forbidden index
     */
    static int bitRateKbps(int index) {
        return BIT_RATES_KBPS[index & 0xF];
    }

    /**
     * @return the length of the frame whose header starts at {@code at}, or 0 when the header is not all there
     *     yet; bytes that are no header count as one frame up to the next sync word
     */
    private int frameLength(int at) {
        if (at + HEADER_BYTES > length) {
            return 0;
        }
        int bitRate = BIT_RATES_KBPS[(pending[at + 2] >> 4) & 0xF];
        int sampleRate = SAMPLE_RATES_HZ[(pending[at + 2] >> 2) & 0x3];
        boolean mpeg1Layer3 = (pending[at] & 0xFF) == 0xFF && (pending[at + 1] & 0xFE) == 0xFA;
        if (mpeg1Layer3 && bitRate > 0 && sampleRate > 0) {
            int padding = (pending[at + 2] >> 1) & 0x1;
            return 144_000 * bitRate / sampleRate + padding;
        }
        for (int next = at + 1; next + 1 < length; next++) {
            if ((pending[next] & 0xFF) == 0xFF && (pending[next + 1] & 0xFE) == 0xFA) {
                return next - at;
            }
        }
        return 0;
    }
}
