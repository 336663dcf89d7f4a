package org.deckhand.mixer.internal.render;

import java.io.IOException;
import java.util.Arrays;

/**
 * A source that starts at a cue: it skips the frames before the cue, or, for a cue before the track's start, plays
 * silence first. Decoders cannot seek, so the frames before a cue are decoded and dropped.
 */
final class CueSource implements PcmSource {

    private static final int SKIP_BLOCK_FRAMES = 4096;

    private final PcmSource source;
    private long silence;
    private long skip;

    /**
     * @param source the track from its first frame
     * @param startFrame the frame of the track to start at; negative to start with that much silence
     */
    CueSource(PcmSource source, long startFrame) {
        this.source = source;
        silence = Math.max(0, -startFrame);
        skip = Math.max(0, startFrame);
    }

    @Override
    public int read(float[][] into, int offset, int maxFrames) throws IOException {
        if (silence > 0) {
            int count = (int) Math.min(maxFrames, silence);
            for (float[] channel : into) {
                Arrays.fill(channel, offset, offset + count, 0);
            }
            silence -= count;
            return count;
        }
        if (skip > 0) {
            float[][] scratch = new float[into.length][SKIP_BLOCK_FRAMES];
            while (skip > 0) {
                int count = source.read(scratch, 0, (int) Math.min(SKIP_BLOCK_FRAMES, skip));
                if (count < 0) {
                    return -1;
                }
                skip -= count;
            }
        }
        return source.read(into, offset, maxFrames);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
