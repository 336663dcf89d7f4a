package org.deckhand.analysers.tempo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.deckhand.analysers.testing.AnalyserRun;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.PcmBlock;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.api.library.Track;
import org.junit.jupiter.api.Test;

class TrackEnvelopesTest {

    private static final PcmFormat FORMAT = new PcmFormat(SyntheticDrums.RATE_HZ, 1);

    /** As the pipeline runs them: both begin on the same track, then each block goes to one and then the other. */
    @Test
    void tempoAndBeatGridOfOneTrackShareTheWorkAndFindWhatEachFindsAlone() throws AnalysisException {
        float[][] audio = SyntheticDrums.fourToTheFloor(126.3, 0.2, 60);
        TempoAnalyser tempo = new TempoAnalyser(TempoRange.DEFAULT);
        BeatGridAnalyser grid = new BeatGridAnalyser(TempoRange.DEFAULT);
        Map<String, Object> tempoAlone = AnalyserRun.run(tempo, audio, SyntheticDrums.RATE_HZ).values();
        Map<String, Object> gridAlone = AnalyserRun.run(grid, audio, SyntheticDrums.RATE_HZ).values();
        int heldBefore = TrackEnvelopes.IN_PROGRESS.size();

        Track track = AnalyserRun.track(60);
        Analysis tempoAnalysis = tempo.begin(track, FORMAT);
        Analysis gridAnalysis = grid.begin(track, FORMAT);
        assertEquals(heldBefore + 1, TrackEnvelopes.IN_PROGRESS.size(), "one envelope for the two analyses");
        float[] block = new float[AnalyserRun.BLOCK_FRAMES];
        for (int start = 0; start < audio[0].length; start += block.length) {
            int frames = Math.min(block.length, audio[0].length - start);
            System.arraycopy(audio[0], start, block, 0, frames);
            tempoAnalysis.process(new PcmBlock(new float[][] {block}, frames, start));
            gridAnalysis.process(new PcmBlock(new float[][] {block}, frames, start));
        }

        assertEquals(tempoAlone, tempoAnalysis.finish().values());
        assertEquals(gridAlone, gridAnalysis.finish().values());
        assertEquals(heldBefore, TrackEnvelopes.IN_PROGRESS.size(), "the envelope is let go when both are done");
    }
}
