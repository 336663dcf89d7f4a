package org.deckhand.mixer.internal.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.tarsos.dsp.AudioEvent;
import be.tarsos.dsp.WaveformSimilarityBasedOverlapAdd;
import be.tarsos.dsp.io.TarsosDSPAudioFormat;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.deckhand.mixer.internal.testing.ArraySource;
import org.deckhand.mixer.internal.testing.ClickTrack;
import org.junit.jupiter.api.Test;

class TimeStretcherTest {

    private static final int RATE = ClickTrack.RATE_HZ;
    private static final WsolaParameters MUSIC = WsolaParameters.music(RATE);

    @Test
    void keyLockKeepsTheToneOfASineWhileItPlaysFasterOrSlower() throws IOException {
        float[][] sine = ClickTrack.sine(440, 0.5, 20);
        for (double tempo : new double[] {0.94, 1.06}) {
            float[][] out = stretchAll(sine, TempoCurve.constant(tempo));
            double seconds = out[0].length / (double) RATE;
            assertEquals(20 / tempo, seconds, 0.01 * 20 / tempo, "length at tempo " + tempo);
            double hz = zeroCrossingHz(out[0], 2, seconds - 2);
            assertEquals(440, hz, 4.4, "tone at tempo " + tempo);
            assertEquals(440, zeroCrossingHz(out[1], 2, seconds - 2), 4.4, "right channel at tempo " + tempo);
        }
    }

    @Test
    void aClickTrackStretchedToAnotherTempoKeepsItsBeatsOnTheNewGrid() throws IOException {
        float[][] clicks = ClickTrack.render(128, 0.5, 30, 3000, 3000, 0.8);
        double tempo = 124.0 / 128;
        float[][] out = stretchAll(clicks, TempoCurve.constant(tempo));
        double period = 60.0 / 124;
        for (int beat = 0; beat < 50; beat++) {
            double expected = 0.5 / tempo + beat * period;
            double onset = firstRiseAfter(out[0], expected - period / 2, 0.1);
            assertEquals(expected, onset, 0.02, "beat " + beat);
        }
    }

    @Test
    void afterTheRampTheTrackPlaysUntouchedFromWhereTheStretchLeftIt() throws IOException {
        float[][] music = noiseAndTones(30, 5);
        long hold = 5 * RATE;
        long ramp = 5 * RATE;
        TimeStretcher stretcher = new TimeStretcher(new ArraySource(music), 2, new TempoCurve(0.95, hold, ramp, 1),
                MUSIC);
        float[][] block = new float[2][1000];
        double positionBefore = 0;
        long played = 0;
        while (played < hold + ramp + MUSIC.stepFrames()) {
            played += stretcher.read(block, 0, block[0].length);
            positionBefore = stretcher.position();
        }
        assertEquals(MUSIC.lookBehindFrames() + new TempoCurve(0.95, hold, ramp, 1).trackFramesBetween(0, played),
                positionBefore, 2.0 * MUSIC.seekFrames(), "where the stretch left the track");
        int position = (int) stretcher.position();
        stretcher.read(block, 0, block[0].length);
        assertArrayEquals(Arrays.copyOfRange(music[0], position, position + 1000), block[0]);
        assertArrayEquals(Arrays.copyOfRange(music[1], position, position + 1000), block[1]);
    }

    @Test
    void theHandOverToThePlainTrackIsSeamless() throws IOException {
        float[][] sine = ClickTrack.sine(200, 0.5, 12);
        float[][] out = stretchAll(sine, new TempoCurve(1.05, 2 * RATE, 2 * RATE, 1));
        double largestStep = 2 * Math.PI * 200 * 0.5 / RATE;
        for (int i = 1; i < out[0].length - RATE; i++) {
            assertTrue(Math.abs(out[0][i] - out[0][i - 1]) <= 1.1 * largestStep,
                    "a jump of " + (out[0][i] - out[0][i - 1]) + " at frame " + i);
        }
    }

    @Test
    void withTheExhaustiveSearchOnMonoAudioItGivesTheSamplesOfTarsosDspsWsola() throws IOException {
        int step = MUSIC.stepFrames();
        int skip = step + 100;
        double tempo = skip / (double) step;
        float[] input = noiseAndTones(12, 11)[0];
        float[][] ours = stretchAll(new float[][] {input}, TempoCurve.constant(tempo), MUSIC.withQuickSeek(false));

        WaveformSimilarityBasedOverlapAdd tarsos = new WaveformSimilarityBasedOverlapAdd(
                WaveformSimilarityBasedOverlapAdd.Parameters.musicDefaults(tempo, RATE));
        AudioEvent event = new AudioEvent(new TarsosDSPAudioFormat(RATE, 16, 1, true, false));
        int needed = tarsos.getInputBufferSize();
        assertEquals(skip, needed - tarsos.getOverlap(), "the reference's step");
        for (int sequence = 0; (long) sequence * skip + needed <= input.length; sequence++) {
            event.setFloatBuffer(Arrays.copyOfRange(input, sequence * skip, sequence * skip + needed));
            tarsos.process(event);
            float[] expected = event.getFloatBuffer();
            float[] actual = Arrays.copyOfRange(ours[0], sequence * step, sequence * step + step);
            assertArrayEquals(expected, actual, "sequence " + sequence);
        }
    }

    private static float[][] stretchAll(float[][] input, TempoCurve curve) throws IOException {
        return stretchAll(input, curve, MUSIC);
    }

    private static float[][] stretchAll(float[][] input, TempoCurve curve, WsolaParameters parameters)
            throws IOException {
        int channels = input.length;
        TimeStretcher stretcher = new TimeStretcher(new ArraySource(input), channels, curve, parameters);
        float[][] out = new float[channels][(int) (input[0].length * 2.2)];
        int written = 0;
        int count;
        while ((count = stretcher.read(out, written, Math.min(4096, out[0].length - written))) > 0) {
            written += count;
        }
        float[][] trimmed = new float[channels][];
        for (int channel = 0; channel < channels; channel++) {
            trimmed[channel] = Arrays.copyOf(out[channel], written);
        }
        return trimmed;
    }

    /** @return a signal with tones, a pulse and noise, different in each channel */
    private static float[][] noiseAndTones(double seconds, long seed) {
        Random random = new Random(seed);
        int frames = (int) (seconds * RATE);
        float[][] out = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            double t = i / (double) RATE;
            double tones = 0.3 * Math.sin(2 * Math.PI * 220 * t) + 0.2 * Math.sin(2 * Math.PI * 331 * t)
                    + 0.2 * Math.exp(-(t % 0.5) / 0.05) * Math.sin(2 * Math.PI * 60 * t);
            out[0][i] = (float) (tones + 0.05 * random.nextGaussian());
            out[1][i] = (float) (0.8 * tones + 0.05 * random.nextGaussian());
        }
        return out;
    }

    private static double zeroCrossingHz(float[] samples, double fromSeconds, double toSeconds) {
        int from = (int) (fromSeconds * RATE);
        int to = (int) (toSeconds * RATE);
        int first = -1;
        int last = -1;
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if (samples[i - 1] < 0 && samples[i] >= 0) {
                if (first < 0) {
                    first = i;
                }
                last = i;
                crossings++;
            }
        }
        return (crossings - 1) / ((last - first) / (double) RATE);
    }

    private static double firstRiseAfter(float[] samples, double fromSeconds, double level) {
        for (int i = (int) (fromSeconds * RATE); i < samples.length; i++) {
            if (Math.abs(samples[i]) >= level) {
                return i / (double) RATE;
            }
        }
        return Double.NaN;
    }
}
