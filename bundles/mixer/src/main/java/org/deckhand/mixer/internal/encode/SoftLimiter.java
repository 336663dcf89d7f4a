package org.deckhand.mixer.internal.encode;

/**
 * Keeps the mix within full scale before it is quantised: samples up to the knee ({@value #KNEE}, -1 dBFS) pass
 * unchanged, louder ones are bent smoothly towards a ceiling just under full scale ({@value #CEILING}) by a hyperbolic
 * tangent, so that a crossfade whose sum exceeds full scale is rounded off rather than hard-clipped. Memoryless, so it adds no latency: a soft clipper in
 * the sense of Zölzer, "DAFX" (2nd ed., 2011), section 4.3. The renderer's ReplayGain levels keep most of the mix
 * under the knee, where the limiter does nothing.
 */
public final class SoftLimiter {

    /** The level up to which samples pass unchanged, linear (-1 dBFS). */
    public static final float KNEE = 0.891f;
    /** The level no sample exceeds, linear. */
    public static final float CEILING = 0.999f;
    private static final float HEADROOM = CEILING - KNEE;

    private SoftLimiter() {
    }

    /**
     * @param sample a sample, linear
     * @return the sample limited to [-{@value #CEILING}, {@value #CEILING}]
     */
    public static float limit(float sample) {
        float magnitude = Math.abs(sample);
        if (magnitude <= KNEE) {
            return sample;
        }
        float bent = KNEE + HEADROOM * (float) Math.tanh((magnitude - KNEE) / HEADROOM);
        return Math.copySign(bent, sample);
    }

    /**
     * Limits and quantises stereo samples to 16-bit little-endian interleaved PCM (left, right).
     *
     * @param pcm left and right samples
     * @param offset the first frame
     * @param frames how many frames
     * @param into receives {@code 4 * frames} bytes from index 0
     */
    public static void toPcm16(float[][] pcm, int offset, int frames, byte[] into) {
        float[] left = pcm[0];
        float[] right = pcm[1];
        int at = 0;
        for (int i = offset; i < offset + frames; i++) {
            int l = quantise(left[i]);
            int r = quantise(right[i]);
            into[at++] = (byte) l;
            into[at++] = (byte) (l >> 8);
            into[at++] = (byte) r;
            into[at++] = (byte) (r >> 8);
        }
    }

    /**
     * @param sample a sample, linear
     * @return the limited sample as a signed 16-bit value
     */
    public static int quantise(float sample) {
        return Math.round(limit(sample) * Short.MAX_VALUE);
    }
}
