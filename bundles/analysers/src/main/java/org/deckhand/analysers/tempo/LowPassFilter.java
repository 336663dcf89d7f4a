package org.deckhand.analysers.tempo;

/**
 * A linear-phase FIR low-pass filter (Hamming-windowed sinc) that smooths an onset envelope before periodicity is
 * measured, as Percival and Tzanetakis (2014) do in their onset strength signal with a 7 Hz cut-off. The output is
 * aligned with the input: the filter's delay is compensated.
 */
final class LowPassFilter {

    private final float[] taps;

    /**
     * @param cutoffHz the cut-off frequency, Hz
     * @param sampleRateHz the rate of the signal to filter, Hz
     * @param tapCount the filter length, odd
     */
    LowPassFilter(double cutoffHz, double sampleRateHz, int tapCount) {
        taps = new float[tapCount];
        int middle = tapCount / 2;
        double normalisedCutoff = cutoffHz / sampleRateHz;
        double sum = 0;
        for (int i = 0; i < tapCount; i++) {
            int offset = i - middle;
            double sinc = offset == 0 ? 2 * normalisedCutoff
                    : Math.sin(2 * Math.PI * normalisedCutoff * offset) / (Math.PI * offset);
            double hamming = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (tapCount - 1));
            taps[i] = (float) (sinc * hamming);
            sum += taps[i];
        }
        for (int i = 0; i < tapCount; i++) {
            taps[i] /= (float) sum;
        }
    }

    /**
     * @param signal the signal; values beyond its ends count as zero
     * @return the filtered signal, as long as the input
     */
    float[] apply(float[] signal) {
        float[] out = new float[signal.length];
        int middle = taps.length / 2;
        for (int n = 0; n < signal.length; n++) {
            int first = Math.max(0, middle - n);
            int last = Math.min(taps.length, signal.length + middle - n);
            float sum = 0;
            for (int i = first; i < last; i++) {
                sum += taps[i] * signal[n + i - middle];
            }
            out[n] = sum;
        }
        return out;
    }
}
