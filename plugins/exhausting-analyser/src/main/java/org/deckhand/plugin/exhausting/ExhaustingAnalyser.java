package org.deckhand.plugin.exhausting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/**
 * An analyser with a fatal bug on one file: on a track whose file name contains {@value #TRIGGER}, it holds on to
 * every block of 16 MiB it can allocate until the heap is full, as a decoder does that allocates what a hostile header
 * claims. The packaged server exits when it runs out of memory. Other tracks get their block count.
 */
@Component(service = Analyser.class)
public final class ExhaustingAnalyser implements Analyser {

    /** What a file's name contains to have this analyser fill the heap. */
    public static final String TRIGGER = "exhausts-memory";

    private static final int CHUNK_BYTES = 16 << 20;
    private static final AnalyserDescriptor DESCRIPTOR = new AnalyserDescriptor("exhausting.memory", "1",
            PcmFormat.MONO_44100, List.of(new ResultField("blocks", ValueType.INTEGER, "", "Blocks received.")));

    @Override
    public AnalyserDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Analysis begin(Track track, PcmFormat format) {
        boolean exhausting = track.file().path().getFileName().toString().contains(TRIGGER);
        return new Analysis() {
            private final List<byte[]> held = new ArrayList<>();
            private long blocks;

            @Override
            public void process(PcmBlock block) {
                while (exhausting) {
                    held.add(new byte[CHUNK_BYTES]);
                }
                blocks++;
            }

            @Override
            public AnalysisResult finish() {
                return AnalysisResult.of(DESCRIPTOR, Map.of("blocks", blocks));
            }
        };
    }
}
