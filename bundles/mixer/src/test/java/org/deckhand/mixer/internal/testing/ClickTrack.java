package org.deckhand.mixer.internal.testing;

/**
 * Renders stereo click tracks with exactly known beats: on every beat a 25 ms tone burst (1 ms attack, 8 ms decay),
 * at one frequency on downbeats and another on the other beats, so that the beats and the bars of two tracks can be
 * told apart in a mix of both.
 */
public final class ClickTrack {

    /** The sample rate, Hz. */
    public static final int RATE_HZ = 44_100;

    private ClickTrack() {
    }

    /**
     * @param bpm the tempo, beats per minute
     * @param firstDownbeatSeconds when the first bar starts; beats before it (a pickup) get the beat tone
     * @param seconds the track's length
     * @param beatHz the tone of the beats, Hz
     * @param downbeatHz the tone of the downbeats, Hz
     * @param amplitude the bursts' peak amplitude
     * @return left and right, identical
     */
    public static float[][] render(double bpm, double firstDownbeatSeconds, double seconds, double beatHz,
            double downbeatHz, double amplitude) {
        float[] samples = new float[(int) Math.round(seconds * RATE_HZ)];
        double period = 60 / bpm;
        long firstBeat = (long) -Math.floor(firstDownbeatSeconds / period);
        for (long beat = firstBeat; firstDownbeatSeconds + beat * period < seconds; beat++) {
            double at = firstDownbeatSeconds + beat * period;
            burst(samples, at, Math.floorMod(beat, 4) == 0 && beat >= 0 ? downbeatHz : beatHz, amplitude);
        }
        return new float[][] {samples, samples.clone()};
    }

    /**
     * @param samples where to add the burst
     * @param atSeconds when it starts
     * @param hz its tone, Hz
     * @param amplitude its peak amplitude
     */
    public static void burst(float[] samples, double atSeconds, double hz, double amplitude) {
        int start = (int) Math.round(atSeconds * RATE_HZ);
        int length = (int) (0.025 * RATE_HZ);
        for (int i = 0; i < length && start + i < samples.length; i++) {
            if (start + i < 0) {
                continue;
            }
            double t = i / (double) RATE_HZ;
            double envelope = Math.min(1, t / 0.001) * Math.exp(-t / 0.008);
            samples[start + i] += (float) (amplitude * envelope * Math.sin(2 * Math.PI * hz * t));
        }
    }

    /**
     * @param hz the tone, Hz
     * @param amplitude its amplitude
     * @param seconds its length
     * @return a stereo sine, identical in both channels
     */
    public static float[][] sine(double hz, double amplitude, double seconds) {
        float[] samples = new float[(int) Math.round(seconds * RATE_HZ)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE_HZ));
        }
        return new float[][] {samples, samples.clone()};
    }

    /**
     * @param tracks stereo tracks of the same length
     * @return their sum
     */
    public static float[][] sum(float[][]... tracks) {
        float[][] sum = new float[2][tracks[0][0].length];
        for (float[][] track : tracks) {
            for (int channel = 0; channel < 2; channel++) {
                for (int i = 0; i < sum[channel].length; i++) {
                    sum[channel][i] += track[channel][i];
                }
            }
        }
        return sum;
    }
}
