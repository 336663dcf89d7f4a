package org.deckhand.api.analysis;

/**
 * The shape of decoded audio: 32-bit float samples, full scale at 1.0, at a sample rate, with a channel count.
 *
 * <p>In an {@link AnalyserDescriptor} the sample rate may be {@link #SOURCE_RATE}: the analyser then receives the
 * audio at the file's own rate, unresampled, and learns that rate from the format given to {@link Analyser#begin}.
 *
 * @param sampleRateHz samples per second per channel, such as 44100 or 22050, or {@link #SOURCE_RATE} in a descriptor
 * @param channels 1 for mono (the pipeline downmixes), 2 for stereo (a mono file is given as two equal channels)
 */
public record PcmFormat(int sampleRateHz, int channels) {

    /** The sample rate that stands for "the file's own rate" in a descriptor. */
    public static final int SOURCE_RATE = 0;

    /** Mono at 44.1 kHz, what most analysers want. */
    public static final PcmFormat MONO_44100 = new PcmFormat(44_100, 1);

    /**
     * @throws IllegalArgumentException if the sample rate is neither {@link #SOURCE_RATE} nor between 8,000 and
     *     192,000 Hz, or the channel count is not 1 or 2
     */
    public PcmFormat {
        if (sampleRateHz != SOURCE_RATE && (sampleRateHz < 8_000 || sampleRateHz > 192_000)) {
            throw new IllegalArgumentException("sample rate must lie in 8000..192000 Hz: " + sampleRateHz);
        }
        if (channels < 1 || channels > 2) {
            throw new IllegalArgumentException("channels must be 1 or 2: " + channels);
        }
    }

    /**
     * @param channels 1 or 2
     * @return the format that asks for audio at the file's own sample rate
     */
    public static PcmFormat atSourceRate(int channels) {
        return new PcmFormat(SOURCE_RATE, channels);
    }

    /**
     * @return whether this format asks for the file's own sample rate instead of naming one
     */
    public boolean isSourceRate() {
        return sampleRateHz == SOURCE_RATE;
    }
}
