package org.deckhand.analysers.waveform;

import java.util.Map;
import org.deckhand.api.analysis.AnalyserDescriptor;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.analysis.PcmBlock;
import org.deckhand.api.analysis.PcmFormat;

/** The waveform overview of one track, built in {@link WaveformBins} of fixed memory. */
final class WaveformAnalysis implements Analysis {

    private final AnalyserDescriptor descriptor;
    private final int sampleRateHz;
    private final WaveformBins bins;
    private long frames;

    WaveformAnalysis(AnalyserDescriptor descriptor, PcmFormat format, long expectedFrames) {
        this.descriptor = descriptor;
        this.sampleRateHz = format.sampleRateHz();
        bins = new WaveformBins(format.channels(), sampleRateHz, expectedFrames);
    }

    @Override
    public void process(PcmBlock block) {
        bins.add(block.samples(), block.frames());
        frames += block.frames();
    }

    @Override
    public AnalysisResult finish() throws AnalysisException {
        WaveformOverview overview = bins.overview(sampleRateHz);
        if (overview == null) {
            throw new AnalysisException("The track holds no audio to draw.");
        }
        return AnalysisResult.of(descriptor, Map.of(WaveformAnalyser.POINTS, (long) overview.points(),
                WaveformAnalyser.DURATION, frames / (double) sampleRateHz, WaveformAnalyser.PEAKS, overview.encode()));
    }
}
