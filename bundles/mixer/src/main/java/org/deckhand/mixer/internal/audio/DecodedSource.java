package org.deckhand.mixer.internal.audio;

import java.io.IOException;
import org.deckhand.api.audio.DecodedAudio;
import org.deckhand.mixer.internal.render.PcmSource;

/**
 * A decoded file as the mixer reads it: stereo at the mix's sample rate. A mono file plays on both channels; a file
 * at another rate is resampled ({@link ChannelResampler}). Not thread-safe.
 */
final class DecodedSource implements PcmSource {

    private static final int BLOCK_FRAMES = 4096;
    /** Room for the frames the resampler's filter still holds when it flushes at the end. */
    private static final int FLUSH_MARGIN_FRAMES = 4096;

    private final DecodedAudio audio;
    private final float[][] decoded;
    private final ChannelResampler[] resamplers;
    private final float[][] converted;
    private int available;
    private int consumed;
    private boolean ended;

    /**
     * @param audio the decoded file, positioned at its start; this source closes it
     * @param sampleRateHz the mix's sample rate, Hz
     */
    DecodedSource(DecodedAudio audio, int sampleRateHz) {
        this.audio = audio;
        int channels = audio.format().channels();
        decoded = new float[channels][BLOCK_FRAMES];
        double factor = sampleRateHz / (double) audio.format().sampleRateHz();
        if (factor == 1) {
            resamplers = null;
            converted = new float[2][BLOCK_FRAMES];
        } else {
            resamplers = new ChannelResampler[channels];
            for (int channel = 0; channel < channels; channel++) {
                resamplers[channel] = new ChannelResampler(factor);
            }
            converted = new float[2][(int) Math.ceil(BLOCK_FRAMES * factor) + FLUSH_MARGIN_FRAMES];
        }
    }

    @Override
    public int read(float[][] into, int offset, int maxFrames) throws IOException {
        while (consumed == available) {
            if (ended) {
                return -1;
            }
            fill();
        }
        int count = Math.min(maxFrames, available - consumed);
        System.arraycopy(converted[0], consumed, into[0], offset, count);
        System.arraycopy(converted[1], consumed, into[1], offset, count);
        consumed += count;
        return count;
    }

    /** Decodes the next block and converts it into {@link #converted}. */
    private void fill() throws IOException {
        int frames = audio.read(decoded, BLOCK_FRAMES);
        boolean last = frames < 0;
        ended = last;
        consumed = 0;
        available = 0;
        if (resamplers == null) {
            if (!last) {
                System.arraycopy(decoded[0], 0, converted[0], 0, frames);
                System.arraycopy(decoded[decoded.length - 1], 0, converted[1], 0, frames);
                available = frames;
            }
            return;
        }
        int count = Math.max(frames, 0);
        int produced = 0;
        for (int channel = 0; channel < resamplers.length; channel++) {
            produced = resamplers[channel].process(decoded[channel], count, last, converted[channel]);
        }
        if (resamplers.length == 1) {
            System.arraycopy(converted[0], 0, converted[1], 0, produced);
        }
        available = produced;
    }

    @Override
    public void close() throws IOException {
        audio.close();
    }
}
