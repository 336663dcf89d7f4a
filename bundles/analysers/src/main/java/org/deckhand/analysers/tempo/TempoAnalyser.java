package org.deckhand.analysers.tempo;

import java.util.List;
import java.util.Map;
import org.deckhand.api.analysis.Analyser;
import org.deckhand.api.analysis.AnalyserDescriptor;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.AnalysisContext;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.api.analysis.ResultField;
import org.deckhand.api.analysis.ValueType;
import org.deckhand.api.library.BuiltInAnalysers;
import org.deckhand.api.library.Track;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The tempo analyser, descriptor id {@code tempo}: a track's tempo to one decimal with a confidence and its octave
 * alternative, by the method of Percival and Tzanetakis (2014) described in {@link TempoEstimator}, from mono audio
 * at 11,025 Hz. The reported tempo lies in the configured {@link TempoRange} (PID
 * {@value TempoConfiguration#PID}). The onset envelope and the tempo of a track are shared with the beat grid
 * analyser of the same run, through the run's {@link AnalysisContext}; begun without one, an analysis computes its
 * own.
 */
@Component(service = Analyser.class, configurationPid = TempoConfiguration.PID)
@Designate(ocd = TempoConfiguration.class)
public final class TempoAnalyser implements Analyser {

    /** The analyser's descriptor. */
    public static final AnalyserDescriptor DESCRIPTOR = new AnalyserDescriptor(BuiltInAnalysers.TEMPO, "1",
            new PcmFormat(OnsetEnvelope.SAMPLE_RATE_HZ, 1), List.of(
                    new ResultField(BuiltInAnalysers.TEMPO_BPM, ValueType.NUMBER, "BPM",
                            "The tempo, in beats per minute."),
                    new ResultField(BuiltInAnalysers.TEMPO_CONFIDENCE, ValueType.NUMBER, "",
                            "How steady and clear the beat is, from 0 (unsure) to 1 (certain)."),
                    new ResultField(BuiltInAnalysers.TEMPO_ALTERNATIVE_BPM, ValueType.NUMBER, "BPM",
                            "The tempo at the other likely octave, half or double the tempo.")));

    private final TempoRange range;

    /**
     * @param configuration the tempo range
     */
    @Activate
    public TempoAnalyser(TempoConfiguration configuration) {
        this(TempoRange.of(configuration));
    }

    /**
     * @param range the tempo range
     */
    public TempoAnalyser(TempoRange range) {
        this.range = range;
    }

    @Override
    public AnalyserDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Analysis begin(Track track, PcmFormat format) throws AnalysisException {
        return begin(track, format, format, new AnalysisContext());
    }

    @Override
    public Analysis begin(Track track, PcmFormat format, PcmFormat source, AnalysisContext context)
            throws AnalysisException {
        Formats.require(DESCRIPTOR, format);
        return new EnvelopeAnalysis(range, context) {
            @Override
            AnalysisResult result(TrackEnvelope envelope) throws AnalysisException {
                TempoEstimate estimate = envelope.tempo().estimate();
                if (estimate == null) {
                    throw noBeat();
                }
                return AnalysisResult.of(DESCRIPTOR, Map.of(
                        BuiltInAnalysers.TEMPO_BPM, round(estimate.bpm(), 1),
                        BuiltInAnalysers.TEMPO_CONFIDENCE, round(estimate.confidence(), 3),
                        BuiltInAnalysers.TEMPO_ALTERNATIVE_BPM, round(estimate.alternativeBpm(), 1)));
            }
        };
    }
}
