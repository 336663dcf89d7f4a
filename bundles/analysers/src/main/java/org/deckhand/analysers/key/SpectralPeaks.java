package org.deckhand.analysers.key;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;

/**
 * The sinusoidal peaks of one frame's magnitude spectrum, the input of the HPCP (Gómez 2006, chapter 3: local
 * maxima of a Hann-windowed spectrum, refined by quadratic interpolation of the log magnitude). Only peaks between a
 * lowest and a highest frequency, and within a dynamic range below the frame's strongest peak, are kept.
 */
final class SpectralPeaks {

    private final FFT fft;
    private final float[] magnitudes;
    private final double[] cumulativeMagnitudes;
    static final int NB = Integer.getInteger("k.nb", 16);
    static final double PROM = Double.parseDouble(System.getProperty("k.prom", "1"));
    private final double binHz;
    private final int lowestBin;
    private final int highestBin;
    private final double floorRatio;
    private final double[] frequenciesHz;
    private final double[] amplitudes;
    private int count;
    double totalEnergy;
    final double[] prominence = new double[8192];
    final double[] lobeEnergy = new double[8192];

    /**
     * @param frameSamples samples per frame, a power of two
     * @param sampleRateHz the frames' sample rate (Hz)
     * @param lowestHz the lowest peak frequency kept (Hz)
     * @param highestHz the highest peak frequency kept (Hz), below half the sample rate
     * @param dynamicRangeDb how far below the strongest peak a peak may lie and still be kept (dB)
     */
    SpectralPeaks(int frameSamples, double sampleRateHz, double lowestHz, double highestHz, double dynamicRangeDb) {
        this.fft = new FFT(frameSamples, new HannWindow());
        this.magnitudes = new float[frameSamples / 2];
        this.cumulativeMagnitudes = new double[frameSamples / 2 + 1];
        this.binHz = sampleRateHz / frameSamples;
        this.lowestBin = Math.max(1, (int) Math.ceil(lowestHz / binHz));
        this.highestBin = Math.min(frameSamples / 2 - 2, (int) Math.floor(highestHz / binHz));
        this.floorRatio = Math.pow(10, -dynamicRangeDb / 20);
        int most = (highestBin - lowestBin) / 2 + 1;
        this.frequenciesHz = new double[most];
        this.amplitudes = new double[most];
    }

    /**
     * Finds the peaks of a frame.
     *
     * @param frame the frame's samples; overwritten by its spectrum
     * @return how many peaks were found
     */
    int find(float[] frame) {
        fft.forwardTransform(frame);
        fft.modulus(frame, magnitudes);
        float strongest = 0f;
        for (int bin = lowestBin; bin <= highestBin; bin++) {
            strongest = Math.max(strongest, magnitudes[bin]);
        }
        count = 0;
        totalEnergy = 0;
        for (int bin = lowestBin; bin <= highestBin; bin++) {
            totalEnergy += magnitudes[bin] * magnitudes[bin];
        }
        if (strongest <= 0f) {
            return 0;
        }
        double floor = strongest * floorRatio;
        for (int bin = 0; bin < magnitudes.length; bin++) {
            cumulativeMagnitudes[bin + 1] = cumulativeMagnitudes[bin] + magnitudes[bin];
        }
        for (int bin = lowestBin; bin <= highestBin; bin++) {
            float centre = magnitudes[bin];
            int from = Math.max(0, bin - NB);
            int to = Math.min(magnitudes.length, bin + NB + 1);
            double localMean = (cumulativeMagnitudes[to] - cumulativeMagnitudes[from]) / (to - from);
            if (centre > floor && centre > magnitudes[bin - 1] && centre >= magnitudes[bin + 1] && centre > PROM * localMean) {
                prominence[count] = centre / localMean;
                double lobe = 0;
                for (int b = bin - 2; b <= bin + 2; b++) { lobe += magnitudes[b] * magnitudes[b]; }
                lobeEnergy[count] = lobe;
                interpolate(bin);
            }
        }
        return count;
    }

    /** Fits a parabola through the log magnitudes around a local maximum: its vertex is the peak. */
    private void interpolate(int bin) {
        double left = Math.log(Math.max(magnitudes[bin - 1], Float.MIN_NORMAL));
        double centre = Math.log(magnitudes[bin]);
        double right = Math.log(Math.max(magnitudes[bin + 1], Float.MIN_NORMAL));
        double curvature = left - 2 * centre + right;
        double offsetBins = curvature < 0 ? 0.5 * (left - right) / curvature : 0;
        frequenciesHz[count] = (bin + offsetBins) * binHz;
        amplitudes[count] = Math.exp(centre - 0.25 * (left - right) * offsetBins);
        count++;
    }

    /**
     * @param peak index of a peak of the last frame, below the count {@link #find} returned
     * @return its frequency (Hz)
     */
    double frequencyHz(int peak) {
        return frequenciesHz[peak];
    }

    /**
     * @param peak index of a peak of the last frame, below the count {@link #find} returned
     * @return its linear amplitude, in the FFT's scale
     */
    double amplitude(int peak) {
        return amplitudes[peak];
    }
}
