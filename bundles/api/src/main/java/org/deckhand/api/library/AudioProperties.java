package org.deckhand.api.library;

/**
 * The technical facts of a file's audio stream.
 *
 * @param codec the codec in lower case: {@code mp3}, {@code flac}, {@code pcm}, {@code vorbis}, {@code opus},
 *     {@code aac}, {@code alac}, {@code wma}, {@code ape}, {@code wavpack}, {@code dsd}...
 * @param durationSeconds playing time in seconds, or {@code NaN} when it cannot be known
 * @param bitrateKbps average bit rate in kilobits per second, or 0 when unknown
 * @param sampleRateHz sample rate in Hz, or 0 when unknown
 * @param bitsPerSample bit depth of a lossless or PCM stream, or 0 for lossy codecs and when unknown
 * @param channels channel count, or 0 when unknown
 * @param lossless whether the codec is lossless
 */
public record AudioProperties(String codec, double durationSeconds, int bitrateKbps, int sampleRateHz,
        int bitsPerSample, int channels, boolean lossless) {
}
