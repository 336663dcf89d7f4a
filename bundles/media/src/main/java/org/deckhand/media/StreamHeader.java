package org.deckhand.media;

/**
 * The audio facts a lossless stream header declares ({@link ApeHeader}, {@link WavPackHeader}).
 *
 * @param codec the codec, in lower case: {@code ape} or {@code wavpack}
 * @param durationSeconds the length, seconds; {@code NaN} when the header does not say
 * @param sampleRateHz the sample rate, Hz; 0 when the header does not say
 * @param bitsPerSample the bits of each sample; 0 when the header does not say or the stream is lossy
 * @param channels the channel count; 0 when the header does not say
 * @param lossless whether the stream is lossless (WavPack's hybrid mode is not)
 */
public record StreamHeader(String codec, double durationSeconds, int sampleRateHz, int bitsPerSample, int channels,
        boolean lossless) {
}
