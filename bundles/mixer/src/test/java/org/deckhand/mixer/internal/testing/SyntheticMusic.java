package org.deckhand.mixer.internal.testing;

import java.util.Random;

/**
 * Renders a stereo dance track for speed measurements: a kick on every beat, an off-beat hi-hat, a bass note per beat
 * and a sustained three-note chord, with a little noise that differs between the channels.
 */
public final class SyntheticMusic {

    private SyntheticMusic() {
    }

    /**
     * @param bpm the tempo
     * @param rootHz the chord's root, Hz
     * @param seconds the length
     * @param seed the noise's seed
     * @return left and right at {@link ClickTrack#RATE_HZ}
     */
    public static float[][] render(double bpm, double rootHz, double seconds, long seed) {
        int rate = ClickTrack.RATE_HZ;
        int frames = (int) (seconds * rate);
        float[][] out = new float[2][frames];
        Random random = new Random(seed);
        double beat = 60 / bpm;
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            double inBeat = t % beat;
            double kick = 0.5 * Math.exp(-inBeat / 0.08) * Math.sin(2 * Math.PI * (50 + 60 * Math.exp(-inBeat / 0.02))
                    * inBeat);
            double offBeat = (t + beat / 2) % beat;
            double hat = offBeat < 0.04 ? 0.15 * Math.exp(-offBeat / 0.01) * (2 * random.nextDouble() - 1) : 0;
            double bass = 0.2 * Math.sin(2 * Math.PI * rootHz / 4 * t) * Math.min(1, inBeat / 0.01);
            double chord = 0.06 * (Math.sin(2 * Math.PI * rootHz * t) + Math.sin(2 * Math.PI * rootHz * 1.2 * t)
                    + Math.sin(2 * Math.PI * rootHz * 1.5 * t));
            double common = kick + hat + bass + chord;
            out[0][i] = (float) (common + 0.01 * random.nextGaussian());
            out[1][i] = (float) (common + 0.01 * random.nextGaussian());
        }
        return out;
    }
}
