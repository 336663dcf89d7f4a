package org.deckhand.mixer.internal.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds when tone bursts of one frequency start in a mix: the tone's magnitude in a 10 ms Hann window every
 * 0.5 ms, its peaks above a share of its largest value, and for each peak the time where the magnitude rose through
 * half the peak, counted at the window's centre. Every frequency goes through the same analysis, so the times of
 * bursts of different tones compare without bias.
 */
public final class ToneOnsets {

    private static final double WINDOW_SECONDS = 0.010;
    private static final double HOP_SECONDS = 0.0005;
    private static final double PEAK_RADIUS_SECONDS = 0.04;

    private ToneOnsets() {
    }

    /**
     * @param samples one channel of the mix
     * @param rateHz its sample rate, Hz
     * @param hz the tone to look for, Hz
     * @param fromSeconds where to start looking
     * @param toSeconds where to stop
     * @param threshold the share of the tone's largest magnitude in the range a burst must reach, 0 to 1
     * @return the onset times, seconds, in order
     */
    public static List<Double> find(float[] samples, int rateHz, double hz, double fromSeconds, double toSeconds,
            double threshold) {
        int window = (int) (WINDOW_SECONDS * rateHz);
        double hop = HOP_SECONDS * rateHz;
        double[] cos = new double[window];
        double[] sin = new double[window];
        for (int i = 0; i < window; i++) {
            double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (window - 1));
            cos[i] = hann * Math.cos(2 * Math.PI * hz * i / rateHz);
            sin[i] = hann * Math.sin(2 * Math.PI * hz * i / rateHz);
        }
        int hops = (int) ((toSeconds - fromSeconds) / HOP_SECONDS);
        double[] magnitude = new double[hops];
        double largest = 0;
        for (int h = 0; h < hops; h++) {
            int start = (int) Math.round(fromSeconds * rateHz + h * hop);
            double re = 0;
            double im = 0;
            for (int i = 0; i < window && start + i < samples.length; i++) {
                re += samples[start + i] * cos[i];
                im += samples[start + i] * sin[i];
            }
            magnitude[h] = Math.hypot(re, im);
            largest = Math.max(largest, magnitude[h]);
        }
        int radius = (int) (PEAK_RADIUS_SECONDS / HOP_SECONDS);
        List<Double> onsets = new ArrayList<>();
        for (int h = 1; h < hops - 1; h++) {
            if (magnitude[h] < threshold * largest || !isPeak(magnitude, h, radius)) {
                continue;
            }
            double half = magnitude[h] / 2;
            int rise = h;
            while (rise > 0 && magnitude[rise - 1] >= half) {
                rise--;
            }
            double fraction = rise == 0 ? 0 : (half - magnitude[rise - 1]) / (magnitude[rise] - magnitude[rise - 1]);
            onsets.add(fromSeconds + (rise - 1 + fraction) * HOP_SECONDS + WINDOW_SECONDS / 2);
        }
        return onsets;
    }

    private static boolean isPeak(double[] magnitude, int h, int radius) {
        for (int other = Math.max(0, h - radius); other <= Math.min(magnitude.length - 1, h + radius); other++) {
            if (magnitude[other] > magnitude[h] || (magnitude[other] == magnitude[h] && other < h)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param times some times, seconds
     * @param references other times, seconds, in order
     * @param margin how far before the first reference and after the last a time is still compared, seconds
     * @return for each time within the references' span, its distance to the nearest reference, seconds
     */
    public static List<Double> distances(List<Double> times, List<Double> references, double margin) {
        List<Double> distances = new ArrayList<>();
        for (double time : times) {
            if (references.isEmpty() || time < references.get(0) - margin
                    || time > references.get(references.size() - 1) + margin) {
                continue;
            }
            double nearest = Double.POSITIVE_INFINITY;
            for (double reference : references) {
                nearest = Math.min(nearest, Math.abs(reference - time));
            }
            distances.add(nearest);
        }
        return distances;
    }
}
