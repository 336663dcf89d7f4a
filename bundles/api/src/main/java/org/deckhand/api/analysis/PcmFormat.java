package org.deckhand.api.analysis;

/**
 * The shape of decoded audio: 32-bit float samples in [-1, 1] at a sample rate, with a channel count.
 *
 * @param sampleRateHz samples per second per channel, such as 44100 or 22050
 * @param channels 1 for mono (the pipeline downmixes), 2 for stereo
 */
public record PcmFormat(int sampleRateHz, int channels) {

    /** Mono at 44.1 kHz, what most analysers want. */
    public static final PcmFormat MONO_44100 = new PcmFormat(44_100, 1);

    /**
     * @throws IllegalArgumentException if the sample rate is not between 8,000 and 192,000 Hz or the channel count is
     *     not 1 or 2
     */
    public PcmFormat {
        if (sampleRateHz < 8_000 || sampleRateHz > 192_000) {
            throw new IllegalArgumentException("sample rate must lie in 8000..192000 Hz: " + sampleRateHz);
        }
        if (channels < 1 || channels > 2) {
            throw new IllegalArgumentException("channels must be 1 or 2: " + channels);
        }
    }
}
