package org.deckhand.analysers.energy;

import java.util.Random;

/** Mono test signals with a known character: a soft sustained pad, and a loud dense drum pattern. */
final class SyntheticMusic {

    private SyntheticMusic() {
    }

    /**
     * A soft A minor chord of sines, held, at about -30 dBFS.
     *
     * @param samples where to add the pad, mono, full scale 1.0
     * @param sampleRateHz the sample rate (Hz)
     * @param from the first sample
     * @param to the sample after the last
     */
    static void addPad(float[] samples, int sampleRateHz, int from, int to) {
        double[] chordHz = {220, 261.63, 329.63};
        for (int i = from; i < to; i++) {
            double sum = 0;
            for (double hz : chordHz) {
                sum += Math.sin(2 * Math.PI * hz * i / sampleRateHz);
            }
            samples[i] += (float) (0.012 * sum);
        }
    }

    /**
     * A loud drum pattern at 128 BPM: a kick on every beat, a snare on the off-beats and a hi-hat every eighth note,
     * peaking near full scale.
     *
     * @param samples where to add the drums, mono, full scale 1.0
     * @param sampleRateHz the sample rate (Hz)
     * @param from the first sample
     * @param to the sample after the last
     */
    static void addDrums(float[] samples, int sampleRateHz, int from, int to) {
        Random noise = new Random(7);
        double eighthSeconds = 60.0 / 128 / 2;
        int eighthSamples = (int) (eighthSeconds * sampleRateHz);
        for (int i = from; i < to; i++) {
            int eighth = (i - from) / eighthSamples;
            double sinceSeconds = ((i - from) % eighthSamples) / (double) sampleRateHz;
            double value = 0.25 * noise.nextGaussian() * Math.exp(-sinceSeconds / 0.02);
            if (eighth % 2 == 0) {
                value += 0.6 * Math.sin(2 * Math.PI * 55 * sinceSeconds) * Math.exp(-sinceSeconds / 0.12);
            }
            if (eighth % 4 == 2) {
                value += 0.35 * noise.nextGaussian() * Math.exp(-sinceSeconds / 0.08);
            }
            samples[i] += (float) Math.max(-1, Math.min(1, value));
        }
    }
}
