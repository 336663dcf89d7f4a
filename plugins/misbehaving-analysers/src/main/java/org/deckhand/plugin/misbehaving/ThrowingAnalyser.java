package org.deckhand.plugin.misbehaving;

import java.util.List;
import org.deckhand.api.analysis.Analyser;
import org.deckhand.api.analysis.AnalyserDescriptor;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.analysis.PcmBlock;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.api.analysis.ResultField;
import org.deckhand.api.analysis.ValueType;
import org.deckhand.api.library.Track;
import org.osgi.service.component.annotations.Component;

/** An analyser with a bug: it throws on the first block of every track. */
@Component(service = Analyser.class)
public final class ThrowingAnalyser implements Analyser {

    /** The message of the exception it throws. */
    public static final String FAILURE = "misbehaving.throw cannot count";

    private static final AnalyserDescriptor DESCRIPTOR = new AnalyserDescriptor("misbehaving.throw", "1",
            PcmFormat.MONO_44100, List.of(new ResultField("count", ValueType.INTEGER, "", "Never given.")));

    @Override
    public AnalyserDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Analysis begin(Track track, PcmFormat format) {
        return new Analysis() {
            @Override
            public void process(PcmBlock block) {
                throw new IllegalStateException(FAILURE);
            }

            @Override
            public AnalysisResult finish() {
                throw new IllegalStateException(FAILURE);
            }
        };
    }
}
