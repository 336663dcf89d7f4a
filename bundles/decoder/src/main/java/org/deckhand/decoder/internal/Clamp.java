package org.deckhand.decoder.internal;

/** Keeps samples in [-1, 1]: lossy decoders overshoot slightly on loud material. */
final class Clamp {

    private Clamp() {
    }

    /**
     * @param sample a sample
     * @return the sample limited to [-1, 1]
     */
    static float unit(float sample) {
        return Math.max(-1f, Math.min(1f, sample));
    }
}
