package org.deckhand.mixer.internal.stream;

import org.deckhand.mixer.internal.encode.StreamFormat;

/**
 * Which encoder a listener needs: listeners with the same key share one.
 *
 * @param format the format
 * @param bitRateKbps the MP3 bit rate, kbit/s; 0 for the lossless formats
 */
public record StreamKey(StreamFormat format, int bitRateKbps) {
}
