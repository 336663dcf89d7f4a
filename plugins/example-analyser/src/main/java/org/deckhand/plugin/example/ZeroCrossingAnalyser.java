package org.deckhand.plugin.example;

import java.util.List;
import java.util.Map;
import org.deckhand.api.analysis.Analyser;
import org.deckhand.api.analysis.AnalyserDescriptor;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.analysis.PcmBlock;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.api.analysis.ResultField;
import org.deckhand.api.analysis.ValueType;
import org.deckhand.api.library.Track;
import org.osgi.service.component.annotations.Component;

/**
 * Measures a track's zero-crossing rate, a rough measure of noisiness and brightness, and its RMS level.
 *
 * <p>The zero-crossing rate is the number of sign changes of the mono signal per second (Hz); see Gouyon, Pachet and
 * Delerue, "On the use of zero-crossing rate for an application of classification of percussive sounds", DAFx 2000.
 * The RMS level is in dB relative to full scale (dBFS).
 */
@Component(service = Analyser.class)
public final class ZeroCrossingAnalyser implements Analyser {

    private static final AnalyserDescriptor DESCRIPTOR = new AnalyserDescriptor("example.zcr", "1",
            PcmFormat.MONO_44100, List.of(
                    new ResultField("zeroCrossingRate", ValueType.NUMBER, "Hz",
                            "Sign changes of the waveform per second; higher for noisy, bright sounds."),
                    new ResultField("rmsLevel", ValueType.NUMBER, "dBFS",
                            "Root-mean-square level of the whole track relative to full scale.")));

    @Override
    public AnalyserDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Analysis begin(Track track, PcmFormat format) {
        return new ZeroCrossingAnalysis(format.sampleRateHz());
    }

    /** The running counts of one track. */
    private static final class ZeroCrossingAnalysis implements Analysis {

        private final int sampleRateHz;
        private long frames;
        private long crossings;
        private double sumOfSquares;
        private boolean previousNegative;

        ZeroCrossingAnalysis(int sampleRateHz) {
            this.sampleRateHz = sampleRateHz;
        }

        @Override
        public void process(PcmBlock block) {
            float[] mono = block.samples()[0];
            for (int i = 0; i < block.frames(); i++) {
                float sample = mono[i];
                boolean negative = sample < 0f;
                if (frames + i > 0 && negative != previousNegative) {
                    crossings++;
                }
                previousNegative = negative;
                sumOfSquares += (double) sample * sample;
            }
            frames += block.frames();
        }

        @Override
        public AnalysisResult finish() throws AnalysisException {
            if (frames == 0) {
                throw new AnalysisException("the track has no audio");
            }
            double seconds = (double) frames / sampleRateHz;
            double rms = Math.sqrt(sumOfSquares / frames);
            return AnalysisResult.of(DESCRIPTOR, Map.of(
                    "zeroCrossingRate", crossings / seconds,
                    "rmsLevel", rms > 0 ? 20 * Math.log10(rms) : Double.NEGATIVE_INFINITY));
        }
    }
}
