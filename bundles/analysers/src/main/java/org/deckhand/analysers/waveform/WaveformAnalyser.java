package org.deckhand.analysers.waveform;

import java.util.List;
import org.deckhand.api.analysis.Analyser;
import org.deckhand.api.analysis.AnalyserDescriptor;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.api.analysis.ResultField;
import org.deckhand.api.analysis.ValueType;
import org.deckhand.api.library.BuiltInAnalysers;
import org.deckhand.api.library.Track;
import org.osgi.service.component.annotations.Component;

/**
 * The waveform overview a DJ player draws: about 1,000 points per channel over the whole track, each with the lowest
 * and highest sample and the levels of the low, mid and high bands for colouring. Works on stereo at the file's own
 * rate, so the extremes are the file's own samples (and the pipeline shares the loudness analyser's audio, with no
 * resampling); the points are stored in the compact form {@link WaveformOverview} documents and decodes. A track of
 * unknown duration gets between 1,000 and 2,000 points.
 */
@Component(service = Analyser.class)
public final class WaveformAnalyser implements Analyser {

    /** The descriptor's id, under which the results are stored. */
    public static final String ID = BuiltInAnalysers.WAVEFORM;
    /** Field: points per channel (INTEGER). */
    public static final String POINTS = "points";
    /** Field: the duration of the audio analysed (NUMBER, s). */
    public static final String DURATION = "durationSeconds";
    /** Field: the points in the binary form of {@link WaveformOverview} (BINARY). */
    public static final String PEAKS = "peaks";

    private static final AnalyserDescriptor DESCRIPTOR = new AnalyserDescriptor(ID, "1", PcmFormat.atSourceRate(2),
            List.of(new ResultField(POINTS, ValueType.INTEGER, "", "Points per channel in the waveform overview."),
                    new ResultField(DURATION, ValueType.NUMBER, "s", "Duration of the audio the waveform covers."),
                    new ResultField(PEAKS, ValueType.BINARY, "",
                            "Waveform overview: per point, each channel's lowest and highest sample and the low, mid"
                                    + " and high band levels.")));

    @Override
    public AnalyserDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Analysis begin(Track track, PcmFormat format) {
        double durationSeconds = track.durationSeconds();
        long expectedFrames = Double.isFinite(durationSeconds) && durationSeconds > 0
                ? Math.round(durationSeconds * format.sampleRateHz()) : 0;
        return new WaveformAnalysis(DESCRIPTOR, format, expectedFrames);
    }
}
