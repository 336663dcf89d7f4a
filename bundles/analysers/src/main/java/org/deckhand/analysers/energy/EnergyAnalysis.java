package org.deckhand.analysers.energy;

import java.util.Map;
import org.deckhand.api.analysis.AnalyserDescriptor;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.analysis.PcmBlock;

/** The energy analysis of one track: spectral frames into a per-second {@link FeatureSeries}, then the model. */
final class EnergyAnalysis implements Analysis {

    /** Seconds of features pooled for each value of the curve, centred on its second. */
    static final int CURVE_WINDOW_SECONDS = 5;
    /** Below this level (dBFS) a track counts as silent. */
    private static final double SILENCE_DBFS = -70;

    private final AnalyserDescriptor descriptor;
    private final FeatureSeries series;
    private final SpectralFrames frames;

    EnergyAnalysis(AnalyserDescriptor descriptor, int sampleRateHz) {
        this.descriptor = descriptor;
        series = new FeatureSeries(sampleRateHz, SpectralFrames.HOP_SAMPLES);
        frames = new SpectralFrames(sampleRateHz, series);
    }

    @Override
    public void process(PcmBlock block) {
        frames.add(block.samples()[0], block.frames());
    }

    @Override
    public AnalysisResult finish() throws AnalysisException {
        int seconds = series.seconds();
        EnergyFeatures track = series.pooled(0, seconds);
        if (track == null || track.levelDbfs() < SILENCE_DBFS) {
            throw new AnalysisException("The track is silent or too short to rate its energy.");
        }
        float[] curve = new float[seconds];
        for (int second = 0; second < seconds; second++) {
            int from = Math.max(0, second - CURVE_WINDOW_SECONDS / 2);
            int to = Math.min(seconds, second + CURVE_WINDOW_SECONDS / 2 + 1);
            curve[second] = (float) EnergyModel.score(series.pooled(from, to));
        }
        return AnalysisResult.of(descriptor, Map.of(EnergyAnalyser.ENERGY, EnergyModel.rating(
                EnergyModel.score(track)), EnergyAnalyser.CURVE, curve));
    }
}
