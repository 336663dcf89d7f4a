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

/**
 * The beat grid analyser, descriptor id {@code beatgrid}: a constant grid of beats fitted to the beats tracked by
 * Ellis's dynamic programming (2007), its first downbeat, whether the tempo varies, and the intro and outro cue
 * points, from mono audio at 11,025 Hz; see {@link BeatGridEstimator}. It shares the tempo analyser's range
 * (PID {@value TempoConfiguration#PID}) and, in one run over a track, its onset envelope and tempo, through the run's
 * {@link AnalysisContext}, so that the two cost about as much as one; begun without a context, an analysis computes
 * its own.
 */
@Component(service = Analyser.class, configurationPid = TempoConfiguration.PID)
public final class BeatGridAnalyser implements Analyser {

    /** The analyser's descriptor. */
    public static final AnalyserDescriptor DESCRIPTOR = new AnalyserDescriptor(BuiltInAnalysers.BEATGRID, "2",
            new PcmFormat(OnsetEnvelope.SAMPLE_RATE_HZ, 1), List.of(
                    new ResultField(BuiltInAnalysers.BEATGRID_FIRST_DOWNBEAT_SECONDS, ValueType.NUMBER, "s",
                            "When the first bar starts: the first beat 1 of a 4/4 bar."),
                    new ResultField(BuiltInAnalysers.BEATGRID_BEAT_PERIOD_SECONDS, ValueType.NUMBER, "s",
                            "The time between two beats."),
                    new ResultField(BuiltInAnalysers.BEATGRID_BPM, ValueType.NUMBER, "BPM",
                            "The grid's tempo, in beats per minute."),
                    new ResultField(BuiltInAnalysers.BEATGRID_CONFIDENCE, ValueType.NUMBER, "",
                            "How well the beats fit the grid, from 0 (poorly) to 1 (all of them)."),
                    new ResultField(BuiltInAnalysers.BEATGRID_VARIABLE_TEMPO, ValueType.BOOLEAN, "",
                            "Whether the tempo drifts, so that a constant grid does not hold across the track."),
                    new ResultField(BuiltInAnalysers.BEATGRID_INTRO_END_SECONDS, ValueType.NUMBER, "s",
                            "Where the intro ends: the first bar at full energy, and at least one phrase (8 bars"
                                    + " in a long track) in."),
                    new ResultField(BuiltInAnalysers.BEATGRID_OUTRO_START_SECONDS, ValueType.NUMBER, "s",
                            "Where the outro starts: the downbeat ending the last bar at full energy, and at least"
                                    + " one phrase before the end.")));

    private final TempoRange range;

    /**
     * @param configuration the tempo range
     */
    @Activate
    public BeatGridAnalyser(TempoConfiguration configuration) {
        this(TempoRange.of(configuration));
    }

    /**
     * @param range the tempo range
     */
    public BeatGridAnalyser(TempoRange range) {
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
                BeatGrid grid = BeatGridEstimator.estimate(envelope.tempo(), envelope.lowFlux(),
                        envelope.levelAboveFloorDb());
                if (grid == null) {
                    throw noBeat();
                }
                return AnalysisResult.of(DESCRIPTOR, Map.of(
                        BuiltInAnalysers.BEATGRID_FIRST_DOWNBEAT_SECONDS, round(grid.firstDownbeatSeconds(), 4),
                        BuiltInAnalysers.BEATGRID_BEAT_PERIOD_SECONDS, round(grid.beatPeriodSeconds(), 6),
                        BuiltInAnalysers.BEATGRID_BPM, round(grid.bpm(), 2),
                        BuiltInAnalysers.BEATGRID_CONFIDENCE, round(grid.confidence(), 3),
                        BuiltInAnalysers.BEATGRID_VARIABLE_TEMPO, grid.variableTempo(),
                        BuiltInAnalysers.BEATGRID_INTRO_END_SECONDS, round(grid.introEndSeconds(), 3),
                        BuiltInAnalysers.BEATGRID_OUTRO_START_SECONDS, round(grid.outroStartSeconds(), 3)));
            }
        };
    }
}
