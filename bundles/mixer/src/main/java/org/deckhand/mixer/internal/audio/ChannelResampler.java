package org.deckhand.mixer.internal.audio;

import be.tarsos.dsp.resample.Resampler;

/**
 * Converts one channel's samples from one sample rate to another, block by block, with TarsosDSP's port of
 * libresample (windowed-sinc interpolation, J. O. Smith's "Digital Audio Resampling Home Page"). Not thread-safe.
 */
final class ChannelResampler {

    private final Resampler resampler;
    private final double factor;

    /**
     * @param factor the target rate over the source rate, such as 44100 / 48000
     */
    ChannelResampler(double factor) {
        this.factor = factor;
        resampler = new Resampler(true, factor, factor);
    }

    /**
     * Resamples a block.
     *
     * @param input the source samples
     * @param frames how many of them to take, all of which are consumed
     * @param last whether these are the channel's last samples, so that the filter's tail is flushed
     * @param into where to write; at least {@code ceil(frames * factor)} plus the filter's tail long
     * @return how many samples were written
     */
    int process(float[] input, int frames, boolean last, float[] into) {
        int consumed = 0;
        int produced = 0;
        while (true) {
            Resampler.Result result = resampler.process(factor, input, consumed, frames - consumed, last, into,
                    produced, into.length - produced);
            consumed += result.inputSamplesConsumed;
            produced += result.outputSamplesGenerated;
            boolean stalled = result.inputSamplesConsumed == 0 && result.outputSamplesGenerated == 0;
            if (stalled || consumed >= frames && (!last || result.outputSamplesGenerated == 0)
                    || produced == into.length) {
                return produced;
            }
        }
    }
}
