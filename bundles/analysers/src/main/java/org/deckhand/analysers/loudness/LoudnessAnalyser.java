package org.deckhand.analysers.loudness;

import java.util.List;
import org.deckhand.api.analysis.Analyser;
import org.deckhand.api.analysis.AnalyserDescriptor;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.api.analysis.ResultField;
import org.deckhand.api.analysis.ValueType;
import org.deckhand.api.library.Track;
import org.osgi.service.component.annotations.Component;

/**
 * Loudness as broadcasters and players measure it: integrated loudness (ITU-R BS.1770-4, EBU R 128 / Tech 3341),
 * loudness range (EBU Tech 3342), sample peak, true peak (BS.1770-4, Annex 2) and the ReplayGain 2.0 track gain, whose
 * reference level is -18 LUFS.
 *
 * <p>Works on stereo at the file's own sample rate. The pipeline hands a mono file over as two equal channels, which
 * BS.1770 would measure 3 dB louder than the one channel the file holds; so a track whose two channels are
 * sample-identical from start to end is measured as mono, one channel of weight 1.0, as ffmpeg's {@code ebur128}
 * filter measures a mono file. A stereo file whose channels happen to be identical is measured the same way.
 */
@Component(service = Analyser.class)
public final class LoudnessAnalyser implements Analyser {

    /** The descriptor's id, under which the results are stored. */
    public static final String ID = "loudness";

    private static final AnalyserDescriptor DESCRIPTOR = new AnalyserDescriptor(ID, "1", PcmFormat.atSourceRate(2),
            List.of(new ResultField(LoudnessAnalysis.INTEGRATED, ValueType.NUMBER, "LUFS",
                            "Integrated loudness over the whole track (ITU-R BS.1770-4, EBU R 128)."),
                    new ResultField(LoudnessAnalysis.RANGE, ValueType.NUMBER, "LU",
                            "Loudness range: how much the loudness varies over the track (EBU Tech 3342)."),
                    new ResultField(LoudnessAnalysis.SAMPLE_PEAK, ValueType.NUMBER, "dBFS",
                            "Largest sample value, relative to full scale."),
                    new ResultField(LoudnessAnalysis.TRUE_PEAK, ValueType.NUMBER, "dBTP",
                            "Largest level between samples too, after 4-times oversampling (ITU-R BS.1770-4)."),
                    new ResultField(LoudnessAnalysis.REPLAY_GAIN, ValueType.NUMBER, "dB",
                            "ReplayGain 2.0 track gain: the gain that brings the track to -18 LUFS."),
                    new ResultField(LoudnessAnalysis.REPLAY_GAIN_PEAK, ValueType.NUMBER, "",
                            "ReplayGain track peak: the true peak as a linear value, 1.0 at full scale.")));

    @Override
    public AnalyserDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Analysis begin(Track track, PcmFormat format) {
        return new LoudnessAnalysis(DESCRIPTOR, format);
    }
}
