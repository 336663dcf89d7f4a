package org.deckhand.analysis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PolyphaseResamplerTest {

    private static final int BLOCK_FRAMES = 16_384;

    @Test
    void aToneInTheBandKeepsItsLevelAndItsTimingAt11025Hz() {
        for (int sourceRateHz : new int[] {44_100, 48_000, 22_050}) {
            float[] out = resample(tone(1000, sourceRateHz, 5.0), sourceRateHz, 11_025);
            assertEquals(Math.ceil(5.0 * 11_025), out.length, "output length from " + sourceRateHz + " Hz");
            double worst = 0;
            for (int n = 2_000; n < out.length - 2_000; n++) {
                double expected = 0.5 * Math.sin(2 * Math.PI * 1000 * n / 11_025.0);
                worst = Math.max(worst, Math.abs(out[n] - expected));
            }
            assertTrue(worst < 0.002, "largest error " + worst + " from " + sourceRateHz + " Hz");
        }
    }

    @Test
    void aToneAboveTheTransitionBandIsRemovedRatherThanFoldedIntoTheBand() {
        float[] out = resample(tone(7_000, 44_100, 5.0), 44_100, 11_025);
        double peak = 0;
        for (int n = 2_000; n < out.length - 2_000; n++) {
            peak = Math.max(peak, Math.abs(out[n]));
        }
        assertTrue(20 * Math.log10(peak / 0.5) < -60, "7 kHz left at " + 20 * Math.log10(peak / 0.5) + " dB");
    }

    @Test
    void upsamplingKeepsATone() {
        float[] out = resample(tone(440, 22_050, 2.0), 22_050, 44_100);
        assertEquals(88_200, out.length);
        for (int n = 1_000; n < out.length - 1_000; n += 7) {
            assertEquals(0.5 * Math.sin(2 * Math.PI * 440 * n / 44_100.0), out[n], 0.002, "sample " + n);
        }
    }

    /** A tone of amplitude 0.5 starting at phase 0. */
    private static float[] tone(double frequencyHz, int rateHz, double seconds) {
        float[] samples = new float[(int) Math.round(seconds * rateHz)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * frequencyHz * i / rateHz));
        }
        return samples;
    }

    /** Resamples in the pipeline's blocks, the last one flushing. */
    private static float[] resample(float[] input, int sourceRateHz, int targetRateHz) {
        PolyphaseResampler resampler = new PolyphaseResampler(new ResamplingFilter(sourceRateHz, targetRateHz));
        float[] all = new float[resampler.maxOutput(input.length) * 2];
        float[] block = new float[BLOCK_FRAMES];
        float[] out = new float[resampler.maxOutput(BLOCK_FRAMES)];
        int total = 0;
        for (int from = 0; from < input.length; from += BLOCK_FRAMES) {
            int frames = Math.min(BLOCK_FRAMES, input.length - from);
            System.arraycopy(input, from, block, 0, frames);
            int produced = resampler.process(block, frames, from + frames == input.length, out);
            System.arraycopy(out, 0, all, total, produced);
            total += produced;
        }
        return Arrays.copyOf(all, total);
    }
}
