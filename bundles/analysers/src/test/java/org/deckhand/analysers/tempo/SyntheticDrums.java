package org.deckhand.analysers.tempo;

import java.util.Random;

/**
 * Renders drum patterns with exactly known beat times, mono at {@link #RATE_HZ}: kicks (a 55 Hz sine falling from
 * 110 Hz with a 60 ms decay), hi-hats (a 30 ms burst of white noise) and clicks (a 5 ms burst of a 2 kHz sine).
 */
final class SyntheticDrums {

    /** The sample rate of the rendered audio, Hz. */
    static final int RATE_HZ = OnsetEnvelope.SAMPLE_RATE_HZ;

    private final float[] samples;
    private final Random noise = new Random(7);

    /**
     * @param seconds the length of the audio, s
     */
    SyntheticDrums(double seconds) {
        samples = new float[(int) Math.round(seconds * RATE_HZ)];
    }

    /** @return the rendered audio, one channel */
    float[][] mono() {
        return new float[][] {samples};
    }

    /**
     * @param atSeconds where the kick starts, s
     * @param gain its peak amplitude
     */
    void kick(double atSeconds, double gain) {
        int start = (int) Math.round(atSeconds * RATE_HZ);
        double phase = 0;
        for (int i = 0; i < RATE_HZ / 4 && start + i < samples.length; i++) {
            double t = i / (double) RATE_HZ;
            phase += 2 * Math.PI * (55 + 55 * Math.exp(-t / 0.02)) / RATE_HZ;
            samples[start + i] += (float) (gain * Math.exp(-t / 0.06) * Math.sin(phase));
        }
    }

    /**
     * @param atSeconds where the hi-hat starts, s
     * @param gain its peak amplitude
     */
    void hat(double atSeconds, double gain) {
        int start = (int) Math.round(atSeconds * RATE_HZ);
        for (int i = 0; i < RATE_HZ * 0.03 && start + i < samples.length; i++) {
            double t = i / (double) RATE_HZ;
            samples[start + i] += (float) (gain * Math.exp(-t / 0.01) * (2 * noise.nextDouble() - 1));
        }
    }

    /**
     * @param atSeconds where the click starts, s
     * @param gain its peak amplitude
     */
    void click(double atSeconds, double gain) {
        int start = (int) Math.round(atSeconds * RATE_HZ);
        for (int i = 0; i < RATE_HZ * 0.005 && start + i < samples.length; i++) {
            samples[start + i] += (float) (gain * Math.sin(2 * Math.PI * 2000 * i / RATE_HZ));
        }
    }

    /**
     * A click on every beat, the first beat of each bar louder.
     *
     * @param bpm the tempo, BPM
     * @param seconds the length, s
     * @return the audio
     */
    static float[][] clicks(double bpm, double seconds) {
        SyntheticDrums drums = new SyntheticDrums(seconds);
        double period = 60 / bpm;
        for (int beat = 0; beat * period < seconds; beat++) {
            drums.click(beat * period, beat % 4 == 0 ? 0.8 : 0.5);
        }
        return drums.mono();
    }

    /**
     * A dance pattern: a kick on every beat, accented on beat 1, and a hi-hat on every off-beat, from
     * {@code offsetSeconds} on.
     *
     * @param bpm the tempo, BPM
     * @param offsetSeconds where the first downbeat lies, s
     * @param seconds the length, s
     * @return the audio
     */
    static float[][] fourToTheFloor(double bpm, double offsetSeconds, double seconds) {
        SyntheticDrums drums = new SyntheticDrums(seconds);
        double period = 60 / bpm;
        for (int beat = 0; offsetSeconds + beat * period < seconds; beat++) {
            double at = offsetSeconds + beat * period;
            drums.kick(at, beat % 4 == 0 ? 0.9 : 0.45);
            drums.hat(at + period / 2, 0.15);
        }
        return drums.mono();
    }
}
