package org.deckhand.analysers.key;

import java.util.Random;
import org.deckhand.api.music.CamelotKey;

/** Synthetic test audio with exact truth: chord cadences of harmonic-rich tones, noise and a drum pattern. */
final class TestSignals {

    /** MIDI note of A4. */
    private static final int A4_NOTE = 69;
    private static final int PARTIALS = 10;
    private static final int[] MAJOR_CADENCE = {0, 4, 7, 5, 9, 12, 7, 11, 14, 0, 4, 7};
    private static final int[] MINOR_CADENCE = {0, 3, 7, 5, 8, 12, 7, 11, 14, 0, 3, 7};

    private TestSignals() {
    }

    /**
     * An I-IV-V-I cadence (i-iv-V-i in minor, with the harmonic minor's major dominant), played twice: each chord a
     * bass note an octave and a half below three chord tones around middle C, every note with ten partials falling
     * as 1/k, like a sawtooth.
     *
     * @param key the key
     * @param a4Hz the tuning, the pitch of A4 (Hz)
     * @param chordSeconds how long each chord sounds (s)
     * @param sampleRateHz the sample rate (Hz)
     * @return the mono samples, peaking below 1
     */
    static float[] cadence(CamelotKey key, double a4Hz, double chordSeconds, int sampleRateHz) {
        int[] cadence = key.minor() ? MINOR_CADENCE : MAJOR_CADENCE;
        int chordSamples = (int) (chordSeconds * sampleRateHz);
        int chords = cadence.length / 3;
        float[] samples = new float[2 * chords * chordSamples];
        int tonicNote = 60 + key.pitchClass();
        for (int repeat = 0; repeat < 2; repeat++) {
            for (int chord = 0; chord < chords; chord++) {
                int start = (repeat * chords + chord) * chordSamples;
                int root = tonicNote + cadence[3 * chord];
                addTone(samples, start, chordSamples, frequency(root - 24, a4Hz), sampleRateHz);
                for (int voice = 0; voice < 3; voice++) {
                    addTone(samples, start, chordSamples, frequency(tonicNote + cadence[3 * chord + voice], a4Hz),
                            sampleRateHz);
                }
            }
        }
        scale(samples, 0.9);
        return samples;
    }

    /**
     * @param seconds length (s)
     * @param sampleRateHz the sample rate (Hz)
     * @param seed the random seed
     * @return white noise, uniform in [-0.5, 0.5]
     */
    static float[] whiteNoise(double seconds, int sampleRateHz, long seed) {
        Random random = new Random(seed);
        float[] samples = new float[(int) (seconds * sampleRateHz)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = random.nextFloat() - 0.5f;
        }
        return samples;
    }

    /**
     * A rock drum pattern at 120 BPM: a kick whose pitch falls from 150 to 50 Hz on beats 1 and 3, a snare (a
     * 185 Hz body under a noise burst) on beats 2 and 4, a closed hi-hat on every eighth note.
     *
     * @param seconds length (s)
     * @param sampleRateHz the sample rate (Hz)
     * @return the mono samples, peaking below 1
     */
    static float[] drums(double seconds, int sampleRateHz) {
        Random random = new Random(7);
        float[] samples = new float[(int) (seconds * sampleRateHz)];
        int eighth = sampleRateHz / 4;
        for (int hit = 0; hit * eighth < samples.length; hit++) {
            int start = hit * eighth;
            if (hit % 4 == 0) {
                addKick(samples, start, sampleRateHz);
            } else if (hit % 4 == 2) {
                addSnare(samples, start, sampleRateHz, random);
            }
            addHiHat(samples, start, sampleRateHz, random);
        }
        scale(samples, 0.9);
        return samples;
    }

    private static double frequency(int midiNote, double a4Hz) {
        return a4Hz * Math.pow(2, (midiNote - A4_NOTE) / 12.0);
    }

    /** Adds a tone with 1/k partials below Nyquist and 10 ms fades at both ends. */
    private static void addTone(float[] samples, int start, int length, double fundamentalHz, int sampleRateHz) {
        int fade = sampleRateHz / 100;
        for (int k = 1; k <= PARTIALS && k * fundamentalHz < sampleRateHz / 2.0; k++) {
            double step = 2 * Math.PI * k * fundamentalHz / sampleRateHz;
            double amplitude = 1.0 / k;
            for (int i = 0; i < length; i++) {
                double envelope = Math.min(1.0, Math.min(i, length - 1 - i) / (double) fade);
                samples[start + i] += (float) (amplitude * envelope * Math.sin(step * i));
            }
        }
    }

    private static void addKick(float[] samples, int start, int sampleRateHz) {
        int length = Math.min(sampleRateHz / 4, samples.length - start);
        double phase = 0;
        for (int i = 0; i < length; i++) {
            double t = (double) i / sampleRateHz;
            double frequencyHz = 50 + 100 * Math.exp(-t / 0.03);
            phase += 2 * Math.PI * frequencyHz / sampleRateHz;
            samples[start + i] += (float) (Math.exp(-t / 0.08) * Math.sin(phase));
        }
    }

    private static void addSnare(float[] samples, int start, int sampleRateHz, Random random) {
        int length = Math.min(sampleRateHz / 5, samples.length - start);
        for (int i = 0; i < length; i++) {
            double t = (double) i / sampleRateHz;
            double body = 0.5 * Math.exp(-t / 0.05) * Math.sin(2 * Math.PI * 185 * t);
            double noise = 0.6 * Math.exp(-t / 0.06) * (random.nextDouble() * 2 - 1);
            samples[start + i] += (float) (body + noise);
        }
    }

    private static void addHiHat(float[] samples, int start, int sampleRateHz, Random random) {
        int length = Math.min(sampleRateHz / 20, samples.length - start);
        double previous = 0;
        for (int i = 0; i < length; i++) {
            double t = (double) i / sampleRateHz;
            double noise = random.nextDouble() * 2 - 1;
            samples[start + i] += (float) (0.3 * Math.exp(-t / 0.015) * (noise - previous));
            previous = noise;
        }
    }

    private static void scale(float[] samples, double peak) {
        float max = 0;
        for (float sample : samples) {
            max = Math.max(max, Math.abs(sample));
        }
        if (max > 0) {
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (float) (samples[i] * peak / max);
            }
        }
    }
}
