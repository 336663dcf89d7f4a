package org.deckhand.decoder.internal;

/**
 * How uncompressed samples are stored: integer (8 to 32 bits, signed or unsigned) or IEEE 754 float (32 or 64 bits),
 * little- or big-endian. Converts interleaved bytes to float samples in [-1, 1]; a float sample that is NaN or
 * infinite (damaged data) becomes silence, which every later step can measure.
 *
 * @param bytesPerSample 1 to 4 for integers, 4 or 8 for floats
 * @param floating IEEE 754 samples
 * @param bigEndian most significant byte first (AIFF) rather than last (WAV)
 * @param unsigned8 8-bit samples are unsigned with 128 as zero (WAV) rather than signed (AIFF)
 */
record PcmEncoding(int bytesPerSample, boolean floating, boolean bigEndian, boolean unsigned8) {

    /**
     * @throws IllegalArgumentException if the sample size is not one this class converts
     */
    PcmEncoding {
        if (floating ? bytesPerSample != 4 && bytesPerSample != 8 : bytesPerSample < 1 || bytesPerSample > 4) {
            throw new IllegalArgumentException("unsupported sample size: " + bytesPerSample + " bytes");
        }
    }

    /**
     * Converts {@code frames} interleaved frames from {@code bytes} into {@code into[channel][0..frames)}.
     *
     * @param bytes interleaved samples, {@code frames * into.length * bytesPerSample} of them valid
     * @param into one array per channel
     * @param frames the frames to convert
     */
    void toFloat(byte[] bytes, float[][] into, int frames) {
        if (bytesPerSample == 2 && !floating) {
            sixteenBitToFloat(bytes, into, frames);
            return;
        }
        int channels = into.length;
        int step = bytesPerSample * channels;
        for (int c = 0; c < channels; c++) {
            float[] out = into[c];
            int at = c * bytesPerSample;
            if (floating) {
                for (int i = 0; i < frames; i++, at += step) {
                    float sample = bytesPerSample == 4 ? Float.intBitsToFloat((int) integer(bytes, at))
                            : (float) Double.longBitsToDouble(integer(bytes, at));
                    out[i] = Float.isFinite(sample) ? sample : 0f;
                }
            } else {
                int shift = 64 - 8 * bytesPerSample;
                float scale = 1f / (1L << (8 * bytesPerSample - 1));
                boolean offset = bytesPerSample == 1 && unsigned8;
                for (int i = 0; i < frames; i++, at += step) {
                    long value = integer(bytes, at);
                    value = offset ? value - 128 : (value << shift) >> shift;
                    out[i] = value * scale;
                }
            }
        }
    }

    /** The common case, 16-bit integers, without the general loop's per-sample byte assembly. */
    private void sixteenBitToFloat(byte[] bytes, float[][] into, int frames) {
        int channels = into.length;
        int step = 2 * channels;
        int high = bigEndian ? 0 : 1;
        int low = 1 - high;
        for (int c = 0; c < channels; c++) {
            float[] out = into[c];
            for (int i = 0, at = 2 * c; i < frames; i++, at += step) {
                out[i] = (short) ((bytes[at + high] << 8) | (bytes[at + low] & 0xFF)) * (1f / 32_768);
            }
        }
    }

    /** The unsigned integer of {@link #bytesPerSample} bytes at {@code at}, in this encoding's byte order. */
    private long integer(byte[] bytes, int at) {
        long value = 0;
        if (bigEndian) {
            for (int b = 0; b < bytesPerSample; b++) {
                value = (value << 8) | (bytes[at + b] & 0xFF);
            }
        } else {
            for (int b = bytesPerSample - 1; b >= 0; b--) {
                value = (value << 8) | (bytes[at + b] & 0xFF);
            }
        }
        return value;
    }
}
