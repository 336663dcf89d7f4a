package org.deckhand.analysis.internal;

import org.deckhand.api.analysis.PcmBlock;
import org.deckhand.api.analysis.PcmFormat;

/**
 * Converts decoded blocks from a file's own format to the format an analyser asked for: downmixes stereo to mono by
 * averaging the channels (or copies mono to both channels), then resamples with a {@link PolyphaseResampler}. One
 * converter per target format serves every analyser that asked for it. Not thread-safe.
 */
final class PcmConverter {

    private final PcmFormat target;
    private final int sourceChannels;
    private final PolyphaseResampler[] resamplers;
    private float[][] mixed;
    private float[][] output;
    private long framesOut;

    /**
     * @param source the file's format
     * @param target the format wanted, with a concrete sample rate
     * @param filters where the resampling filter between the two rates comes from
     */
    PcmConverter(PcmFormat source, PcmFormat target, ResamplingFilters filters) {
        this.target = target;
        this.sourceChannels = source.channels();
        boolean sameRate = target.sampleRateHz() == source.sampleRateHz();
        this.resamplers = new PolyphaseResampler[sameRate ? 0 : target.channels()];
        for (int channel = 0; channel < resamplers.length; channel++) {
            resamplers[channel] = new PolyphaseResampler(filters.between(source.sampleRateHz(),
                    target.sampleRateHz()));
        }
    }

    /** @return the format this converter produces */
    PcmFormat target() {
        return target;
    }

    /**
     * Converts the next decoded frames.
     *
     * @param samples the decoded samples, {@code [channel][frame]} in the source format
     * @param frames how many frames of each array are valid
     * @param last whether these are the file's last frames, so that the resampler flushes what it holds
     * @return the converted block, valid until the next call
     */
    PcmBlock convert(float[][] samples, int frames, boolean last) {
        float[][] channels = mix(samples, frames);
        PcmBlock block;
        if (resamplers.length == 0) {
            block = new PcmBlock(channels, frames, framesOut);
        } else {
            int capacity = resamplers[0].maxOutput(frames);
            if (output == null || output[0].length < capacity) {
                output = new float[target.channels()][capacity];
            }
            int produced = 0;
            for (int channel = 0; channel < resamplers.length; channel++) {
                produced = resamplers[channel].process(channels[channel], frames, last, output[channel]);
            }
            block = new PcmBlock(output, produced, framesOut);
        }
        framesOut += block.frames();
        return block;
    }

    private float[][] mix(float[][] samples, int frames) {
        if (sourceChannels == target.channels()) {
            return samples;
        }
        if (mixed == null || mixed[0].length < frames) {
            mixed = new float[target.channels()][Math.max(frames, samples[0].length)];
        }
        if (target.channels() == 1) {
            float[] left = samples[0];
            float[] right = samples[1];
            float[] mono = mixed[0];
            for (int i = 0; i < frames; i++) {
                mono[i] = 0.5f * (left[i] + right[i]);
            }
        } else {
            System.arraycopy(samples[0], 0, mixed[0], 0, frames);
            System.arraycopy(samples[0], 0, mixed[1], 0, frames);
        }
        return mixed;
    }
}
