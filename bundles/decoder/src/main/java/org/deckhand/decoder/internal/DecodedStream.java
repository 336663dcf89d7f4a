package org.deckhand.decoder.internal;

import java.io.IOException;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.api.audio.DecodedAudio;

/**
 * The {@link DecodedAudio} over any {@link PcmSource}: hands the source's blocks out in the caller's slices, drops the
 * encoder delay and end padding the file declares, downmixes more than two channels to stereo ({@link
 * StereoDownmix}), clamps to [-1, 1] what may overshoot unless asked for the samples as decoded, and finishes the
 * file's digest.
 */
final class DecodedStream implements DecodedAudio {

    private final PcmSource source;
    private final DigestingInputStream file;
    private final PcmFormat format;
    private final StereoDownmix downmix;
    private final boolean clamp;
    private long framesToDrop;
    private long framesLeft;
    private float[][] block;
    private int blockFrames;
    private int blockPosition;
    private boolean ended;

    /**
     * @param source the decoder, positioned before the first block
     * @param file the digesting stream the decoder reads; closed with this stream
     * @param unclipped whether to hand the samples out as the codec produced them, beyond [-1, 1] where it overshot
     */
    DecodedStream(PcmSource source, DigestingInputStream file, boolean unclipped) {
        this.source = source;
        this.file = file;
        Speaker[] speakers = source.speakers();
        this.format = new PcmFormat(source.sampleRateHz(), Math.min(speakers.length, 2));
        this.downmix = speakers.length > 2 ? new StereoDownmix(speakers) : null;
        this.clamp = !unclipped && !source.staysInUnitRange();
        this.framesToDrop = source.leadingFramesToDrop();
        long declared = source.declaredFrames();
        this.framesLeft = declared >= 0 ? declared : Long.MAX_VALUE;
    }

    @Override
    public PcmFormat format() {
        return format;
    }

    @Override
    public String decoderName() {
        return source.decoderName();
    }

    @Override
    public int read(float[][] into, int maxFrames) throws IOException {
        if (maxFrames <= 0) {
            throw new IllegalArgumentException("maxFrames must be positive: " + maxFrames);
        }
        while (!ended && blockPosition >= blockFrames) {
            nextBlock();
        }
        if (ended || framesLeft == 0) {
            ended = true;
            return -1;
        }
        int n = (int) Math.min(Math.min(maxFrames, blockFrames - blockPosition), framesLeft);
        if (downmix != null) {
            downmix.mix(block, blockPosition, into, 0, n);
            if (clamp) {
                for (int c = 0; c < format.channels(); c++) {
                    Clamp.unit(into[c], 0, into[c], n);
                }
            }
        } else if (clamp) {
            for (int c = 0; c < format.channels(); c++) {
                Clamp.unit(block[c], blockPosition, into[c], n);
            }
        } else {
            for (int c = 0; c < format.channels(); c++) {
                System.arraycopy(block[c], blockPosition, into[c], 0, n);
            }
        }
        blockPosition += n;
        framesLeft -= n;
        return n;
    }

    private void nextBlock() throws IOException {
        int n = source.decodeBlock();
        if (n < 0) {
            ended = true;
            return;
        }
        block = source.block();
        blockFrames = n;
        int dropped = (int) Math.min(framesToDrop, n);
        framesToDrop -= dropped;
        blockPosition = dropped;
    }

    @Override
    public String sha256() throws IOException {
        source.finishReading();
        return file.finish();
    }

    @Override
    public void close() throws IOException {
        try {
            source.close();
        } finally {
            file.close();
        }
    }
}
