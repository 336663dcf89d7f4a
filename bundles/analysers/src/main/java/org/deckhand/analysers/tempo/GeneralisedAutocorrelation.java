package org.deckhand.analysers.tempo;

import be.tarsos.dsp.util.fft.FFT;
import java.util.Arrays;

/**
 * The generalised autocorrelation {@code IFFT(|FFT(x)|^c)} of Percival and Tzanetakis (2014, step "beat period
 * detection") with {@code c = 0.5}: the inverse transform of the square root of the magnitude spectrum, which sharpens
 * peaks compared with the plain autocorrelation ({@code c = 2}). The input is zero-padded to twice its length, so there
 * is no circular wrap. One instance holds its buffers and serves one thread.
 */
final class GeneralisedAutocorrelation {

    private final int length;
    private final FFT fft;
    private final float[] buffer;

    /**
     * @param length the number of input values, a power of two
     */
    GeneralisedAutocorrelation(int length) {
        this.length = length;
        this.fft = new FFT(2 * length);
        this.buffer = new float[2 * length];
    }

    /**
     * @param signal {@code length} input values, mean removed by the caller
     * @param lags where to write the correlation at lags {@code 0 .. length - 1}, frames
     */
    void compute(float[] signal, float[] lags) {
        System.arraycopy(signal, 0, buffer, 0, length);
        Arrays.fill(buffer, length, 2 * length, 0f);
        fft.forwardTransform(buffer);
        buffer[0] = (float) Math.sqrt(Math.abs(buffer[0]));
        buffer[1] = (float) Math.sqrt(Math.abs(buffer[1]));
        for (int bin = 1; bin < length; bin++) {
            float re = buffer[2 * bin];
            float im = buffer[2 * bin + 1];
            buffer[2 * bin] = (float) Math.sqrt(Math.sqrt(re * re + im * im));
            buffer[2 * bin + 1] = 0f;
        }
        fft.backwardsTransform(buffer);
        System.arraycopy(buffer, 0, lags, 0, length);
    }
}
