package org.deckhand.plugin.misbehaving;

import java.util.List;
import java.util.concurrent.CountDownLatch;
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

/** An analyser that never returns from the first block of a track, not even when interrupted. */
@Component(service = Analyser.class)
public final class HangingAnalyser implements Analyser {

    private static final AnalyserDescriptor DESCRIPTOR = new AnalyserDescriptor("misbehaving.hang", "1",
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
                CountDownLatch never = new CountDownLatch(1);
                while (true) {
                    try {
                        never.await();
                    } catch (InterruptedException ignored) {
                        // A hung plugin ignores interrupts too.
                    }
                }
            }

            @Override
            public AnalysisResult finish() {
                throw new IllegalStateException("unreachable");
            }
        };
    }
}
