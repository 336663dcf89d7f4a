package org.deckhand.analysers.key;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.deckhand.analysers.key.KeyMatcher.KeyMatch;
import org.deckhand.api.analysis.AnalyserDescriptor;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.analysis.PcmBlock;

/**
 * The key analysis of one track: mono frames, their spectral peaks, the HPCP and tuning accumulated over the track,
 * then the best-matching key profile. Keeps a frame of samples and a small histogram, whatever the track's length.
 */
final class KeyAnalysis implements Analysis {

    /** Samples per frame: 0.74 s at 11,025 Hz, 1.3 Hz between FFT bins. */
    static final int FRAME_SAMPLES = 8192;
    /** Samples between frame starts. */
    static final int HOP_SAMPLES = 4096;
    /** Lowest peak frequency used (Hz). */
    static final double LOWEST_HZ = Double.parseDouble(System.getProperty("k.lo", "50"));
    /** Highest peak frequency used (Hz). */
    static final double HIGHEST_HZ = Double.parseDouble(System.getProperty("k.hi", "5000"));
    /** How far below a frame's strongest peak a peak still counts (dB). */
    static final double PEAK_RANGE_DB = Double.parseDouble(System.getProperty("k.db", "60"));
    /** Harmonics a peak may be, for the harmonic weighting. */
    static final int HARMONICS = Integer.getInteger("k.h", 8);
    /** Weight of each harmonic relative to the one below (Gómez 2006). */
    static final double HARMONIC_DECAY = Double.parseDouble(System.getProperty("k.s", "0.6"));
    /** Frames quieter than this (mean square of the samples) hold no music: about -70 dBFS. */
    static final double SILENT_MEAN_SQUARE = 1e-7;

    private final AnalyserDescriptor descriptor;
    private final KeyMatcher matcher;
    private final OverlappingFrames frames;
    private final SpectralPeaks peaks;
    private final PitchClassHistogram histogram = new PitchClassHistogram(HARMONICS, HARMONIC_DECAY);
    private final TuningEstimator tuning = new TuningEstimator();

    /**
     * @param descriptor the analyser's descriptor, for the result
     * @param matcher matches the track's chroma with the key profiles
     * @param sampleRateHz the sample rate of the mono blocks that will follow (Hz)
     */
    KeyAnalysis(AnalyserDescriptor descriptor, KeyMatcher matcher, int sampleRateHz) {
        this.descriptor = descriptor;
        this.matcher = matcher;
        this.peaks = new SpectralPeaks(FRAME_SAMPLES, sampleRateHz, LOWEST_HZ, HIGHEST_HZ, PEAK_RANGE_DB);
        this.frames = new OverlappingFrames(FRAME_SAMPLES, HOP_SAMPLES, this::analyseFrame);
    }

    @Override
    public void process(PcmBlock block) {
        frames.add(block.samples()[0], block.frames());
    }

    @Override
    public AnalysisResult finish() throws AnalysisException {
        frames.finish();
        if (histogram.framesAdded() == 0) {
            throw new AnalysisException("The track is silent: it has no key.");
        }
        double tuningOffset = tuning.offsetSemitones();
        Map<String, Object> values = new HashMap<>();
        values.put(KeyAnalyser.TUNING, tuning.a4Hz());
        double[] dbg = histogram.chroma(tuningOffset);
        Optional<KeyMatch> match = matcher.match(dbg);
        if (Boolean.getBoolean("k.debug")) {
            double mean = 0, geo = 0, min = 1;
            for (double c : dbg) { mean += c / 12; geo += Math.log(Math.max(c, 1e-6)) / 12; min = Math.min(min, c); }
            System.out.printf("DBG tonal=%.3f meanratio=%.3f ", tonalE / totalE, ratioSum / nFrames);
            System.out.printf("DBG flat=%.3f min=%.3f mean=%.3f r=%.3f r2=%.3f chroma=%s%n", Math.exp(geo) / mean, min, mean, match.get().correlation(), match.get().runnerUpCorrelation(), java.util.Arrays.toString(java.util.Arrays.stream(dbg).map(x -> Math.round(x * 100) / 100.0).toArray()));
        }
        double confidence = match.map(m -> Math.max(0, m.correlation())).orElse(0.0);
        values.put(KeyAnalyser.CONFIDENCE, confidence);
        match.ifPresent(m -> {
            values.put(KeyAnalyser.KEY, m.key().name());
            values.put(KeyAnalyser.CAMELOT, KeyWheel.camelot(m.key()));
            values.put(KeyAnalyser.OPEN_KEY, KeyWheel.openKey(m.key()));
        });
        return AnalysisResult.of(descriptor, values);
    }

    double tonalE, totalE, ratioSum, lastTonal; int nFrames;
    static final double PT = Double.parseDouble(System.getProperty("k.pt", "4"));
    private double tonalE0() { return tonalE - lastTonal; }
    private void analyseFrame(float[] frame) {
        double sumOfSquares = 0;
        for (float sample : frame) {
            sumOfSquares += sample * sample;
        }
        if (sumOfSquares < SILENT_MEAN_SQUARE * frame.length) {
            return;
        }
        int found = peaks.find(frame);
        for (int p = 0; p < found; p++) {
            double semitones = TuningEstimator.SEMITONES_PER_OCTAVE
                    * Math.log(peaks.frequencyHz(p) / TuningEstimator.STANDARD_A4_HZ) / Math.log(2);
            double amplitude = peaks.amplitude(p);
            double energy = Math.pow(amplitude, Double.parseDouble(System.getProperty("k.p", "2")));
            tuning.add(semitones, energy);
            histogram.addPeak(semitones, energy);
            if (peaks.prominence[p] > PT) { tonalE += peaks.lobeEnergy[p]; }
        }
        totalE += peaks.totalEnergy;
        ratioSum += peaks.totalEnergy > 0 ? Math.min(1, tonalE0() / peaks.totalEnergy) : 0;
        nFrames++;
        lastTonal = tonalE;
        histogram.endFrame();
    }
}
