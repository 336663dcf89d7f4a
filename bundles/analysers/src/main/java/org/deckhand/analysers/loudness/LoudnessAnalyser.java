package org.deckhand.analysers.loudness;

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
 * Loudness as broadcasters and players measure it: integrated loudness (ITU-R BS.1770-4, EBU R 128 / Tech 3341),
 * loudness range (EBU Tech 3342), sample peak, true peak (BS.1770-4, Annex 2) and the ReplayGain 2.0 track gain, whose
 * reference level is -18 LUFS.
 *
 * <p>Works on stereo at the file's own sample rate, and sums both channels of a stereo file as BS.1770 does, even when
 * they are identical. The pipeline hands a mono file over as two equal channels, which BS.1770 would measure 3 dB
 * louder than the one channel the file holds, so a mono file is measured on one channel of weight 1.0, as ffmpeg's
 * {@code ebur128} filter measures it. The blocks cannot tell the two apart; the pipeline tells the file's own channel
 * count through {@link #begin(Track, PcmFormat, PcmFormat)}. Begun without it, the analyser takes a track whose two
 * channels are sample-identical from start to end for a mono file.
 *
 * <p>Its descriptor asks for unclipped audio: where a lossy encoder overshot full scale, the loudness and peaks are
 * those of the samples as the codec produced them, as ffmpeg's {@code ebur128} filter and ReplayGain scanners
 * measure them.
 */
@Component(service = Analyser.class)
public final class LoudnessAnalyser implements Analyser {

    /** The descriptor's id, under which the results are stored. */
    public static final String ID = BuiltInAnalysers.LOUDNESS;

    private static final AnalyserDescriptor DESCRIPTOR = new AnalyserDescriptor(ID, "2", PcmFormat.atSourceRate(2),
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
                            "ReplayGain track peak: the true peak as a linear value, 1.0 at full scale.")), true);

    @Override
    public AnalyserDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Analysis begin(Track track, PcmFormat format) {
        return new LoudnessAnalysis(DESCRIPTOR, format, 0);
    }

    @Override
    public Analysis begin(Track track, PcmFormat format, PcmFormat source) {
        return new LoudnessAnalysis(DESCRIPTOR, format, source.channels());
    }
}
