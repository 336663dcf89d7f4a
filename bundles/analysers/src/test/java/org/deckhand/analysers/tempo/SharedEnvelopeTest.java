package org.deckhand.analysers.tempo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.deckhand.analysers.testing.AnalyserRun;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.AnalysisContext;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.PcmBlock;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.api.library.Track;
import org.junit.jupiter.api.Test;

class SharedEnvelopeTest {

    private static final PcmFormat FORMAT = new PcmFormat(SyntheticDrums.RATE_HZ, 1);
    private static final int SECONDS = 60;

    private final float[][] drums = SyntheticDrums.fourToTheFloor(126.3, 0.2, SECONDS);
    private final float[][] silence = new float[1][drums[0].length];
    private final TempoAnalyser tempo = new TempoAnalyser(TempoRange.DEFAULT);
    private final BeatGridAnalyser grid = new BeatGridAnalyser(TempoRange.DEFAULT);
    private final Track track = AnalyserRun.track(SECONDS);

    /** As the pipeline runs them: both begin with the run's context, then each block goes to one and the other. */
    @Test
    void tempoAndBeatGridOfOneRunShareTheWorkAndFindWhatEachFindsAlone() throws AnalysisException {
        Map<String, Object> tempoAlone = AnalyserRun.run(tempo, drums, SyntheticDrums.RATE_HZ).values();
        Map<String, Object> gridAlone = AnalyserRun.run(grid, drums, SyntheticDrums.RATE_HZ).values();

        AnalysisContext run = new AnalysisContext();
        Analysis tempoAnalysis = tempo.begin(track, FORMAT, FORMAT, run);
        Analysis gridAnalysis = grid.begin(track, FORMAT, FORMAT, run);
        feed(tempoAnalysis, drums);
        feed(gridAnalysis, drums);

        assertEquals(tempoAlone, tempoAnalysis.finish().values());
        assertEquals(gridAlone, gridAnalysis.finish().values());
    }

    /**
     * The beat grid analysis is handed silence over the same frames as the tempo analysis is handed the drums: with one
     * envelope it finds the drums' grid, since each frame enters the envelope once, from whichever analysis gives it
     * first.
     */
    @Test
    void theAnalysesOfOneRunReadOneEnvelope() throws AnalysisException {
        AnalysisContext run = new AnalysisContext();
        Analysis tempoAnalysis = tempo.begin(track, FORMAT, FORMAT, run);
        Analysis gridAnalysis = grid.begin(track, FORMAT, FORMAT, run);
        feed(tempoAnalysis, drums);
        feed(gridAnalysis, silence);

        tempoAnalysis.finish();
        assertEquals(AnalyserRun.run(grid, drums, SyntheticDrums.RATE_HZ).values(), gridAnalysis.finish().values());
    }

    @Test
    void analysesOfAnotherRunOrWithoutAContextKeepTheirOwnEnvelope() throws AnalysisException {
        Analysis tempoAnalysis = tempo.begin(track, FORMAT, FORMAT, new AnalysisContext());
        Analysis otherRun = grid.begin(track, FORMAT, FORMAT, new AnalysisContext());
        Analysis noContext = grid.begin(track, FORMAT);
        feed(tempoAnalysis, drums);
        feed(otherRun, silence);
        feed(noContext, silence);

        assertEquals(126.3, (Double) tempoAnalysis.finish().values().get("bpm"), 0.05);
        assertThrows(AnalysisException.class, otherRun::finish, "silence has no beat");
        assertThrows(AnalysisException.class, noContext::finish, "silence has no beat");
    }

    private static void feed(Analysis analysis, float[][] audio) throws AnalysisException {
        float[] block = new float[AnalyserRun.BLOCK_FRAMES];
        for (int start = 0; start < audio[0].length; start += block.length) {
            int frames = Math.min(block.length, audio[0].length - start);
            System.arraycopy(audio[0], start, block, 0, frames);
            analysis.process(new PcmBlock(new float[][] {block}, frames, start));
        }
    }
}
