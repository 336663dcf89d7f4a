package org.deckhand.analysers.key;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;

/**
 * The peaks of one frame's magnitude spectrum, the input of the HPCP (Gómez 2006, chapter 3: local maxima of a
 * Hann-windowed spectrum, refined by quadratic interpolation of the log magnitude), between a lowest and a highest
 * frequency. Each peak carries its prominence, its magnitude over the mean magnitude of the bins around it, which
 * tells a steady partial (tens of times the mean) from a ripple of noise (a few times at most).
 */
final class SpectralPeaks {

    /** Bins on each side of a peak whose mean magnitude its prominence is measured against. */
    private static final int NEIGHBOURHOOD_BINS = 16;
    /** Bins on each side of a peak within the main lobe of the Hann window. */
    private static final int MAIN_LOBE_BINS = 2;

    private final double minProminence;
    private final FFT fft;
    private final float[] magnitudes;
    private final double[] cumulativeMagnitudes;
    private final double binHz;
    private final int lowestBin;
    private final int highestBin;
    private final double[] frequenciesHz;
    private final double[] amplitudes;
    private final double[] prominences;
    private final double[] mainLobeEnergies;
    private double frameEnergy;
    private int count;

    /**
     * @param frameSamples samples per frame, a power of two
     * @param sampleRateHz the frames' sample rate (Hz)
     * @param lowestHz the lowest peak frequency kept (Hz)
     * @param highestHz the highest peak frequency kept (Hz), below half the sample rate
     * @param minProminence the prominence a peak needs to be kept, above 1
     */
    SpectralPeaks(int frameSamples, double sampleRateHz, double lowestHz, double highestHz, double minProminence) {
        this.minProminence = minProminence;
        this.fft = new FFT(frameSamples, new HannWindow());
        this.magnitudes = new float[frameSamples / 2];
        this.cumulativeMagnitudes = new double[frameSamples / 2 + 1];
        this.binHz = sampleRateHz / frameSamples;
        this.lowestBin = Math.max(MAIN_LOBE_BINS, (int) Math.ceil(lowestHz / binHz));
        this.highestBin = Math.min(frameSamples / 2 - 1 - MAIN_LOBE_BINS, (int) Math.floor(highestHz / binHz));
        int most = (highestBin - lowestBin) / 2 + 1;
        this.frequenciesHz = new double[most];
        this.amplitudes = new double[most];
        this.prominences = new double[most];
        this.mainLobeEnergies = new double[most];
    }

    /**
     * Finds the peaks of a frame that stand at least the minimum prominence above the mean of the bins around them.
     *
     * @param frame the frame's samples; overwritten by its spectrum
     * @return how many peaks were found
     */
    int find(float[] frame) {
        fft.forwardTransform(frame);
        fft.modulus(frame, magnitudes);
        for (int bin = 0; bin < magnitudes.length; bin++) {
            cumulativeMagnitudes[bin + 1] = cumulativeMagnitudes[bin] + magnitudes[bin];
        }
        frameEnergy = 0;
        count = 0;
        for (int bin = lowestBin; bin <= highestBin; bin++) {
            float centre = magnitudes[bin];
            frameEnergy += (double) centre * centre;
            if (centre > magnitudes[bin - 1] && centre >= magnitudes[bin + 1]) {
                int from = Math.max(0, bin - NEIGHBOURHOOD_BINS);
                int to = Math.min(magnitudes.length, bin + NEIGHBOURHOOD_BINS + 1);
                double prominence = centre * (to - from) / (cumulativeMagnitudes[to] - cumulativeMagnitudes[from]);
                if (prominence >= minProminence) {
                    add(bin, prominence);
                }
            }
        }
        return count;
    }

    /** Records a peak: a parabola through the log magnitudes around the local maximum has its vertex at the peak. */
    private void add(int bin, double prominence) {
        double left = Math.log(Math.max(magnitudes[bin - 1], Float.MIN_NORMAL));
        double centre = Math.log(magnitudes[bin]);
        double right = Math.log(Math.max(magnitudes[bin + 1], Float.MIN_NORMAL));
        double curvature = left - 2 * centre + right;
        double offsetBins = curvature < 0 ? 0.5 * (left - right) / curvature : 0;
        double lobeEnergy = 0;
        for (int b = bin - MAIN_LOBE_BINS; b <= bin + MAIN_LOBE_BINS; b++) {
            lobeEnergy += (double) magnitudes[b] * magnitudes[b];
        }
        frequenciesHz[count] = (bin + offsetBins) * binHz;
        amplitudes[count] = Math.exp(centre - 0.25 * (left - right) * offsetBins);
        prominences[count] = prominence;
        mainLobeEnergies[count] = lobeEnergy;
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
     * @param peak index of a peak of the last frame
     * @return its linear amplitude, in the FFT's scale
     */
    double amplitude(int peak) {
        return amplitudes[peak];
    }

    /**
     * @param peak index of a peak of the last frame
     * @return its magnitude over the mean magnitude of the {@value #NEIGHBOURHOOD_BINS} bins on each side, at least
     *     the minimum prominence
     */
    double prominence(int peak) {
        return prominences[peak];
    }

    /**
     * @param peak index of a peak of the last frame
     * @return the energy of the bins of its main lobe, in the FFT's scale squared
     */
    double mainLobeEnergy(int peak) {
        return mainLobeEnergies[peak];
    }

    /**
     * @return the energy of the last frame's bins from the lowest to the highest frequency, in the FFT's scale
     *     squared
     */
    double frameEnergy() {
        return frameEnergy;
    }
}
