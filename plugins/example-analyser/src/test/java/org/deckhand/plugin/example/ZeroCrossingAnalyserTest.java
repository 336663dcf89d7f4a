package org.deckhand.plugin.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.analysis.PcmBlock;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.Track;
import org.junit.jupiter.api.Test;

class ZeroCrossingAnalyserTest {

    private static final Track TRACK = new Track(1, new AudioFile(Path.of("/music/a.flac"), 10, Instant.EPOCH,
            "flac", null, null), Tags.NONE, 2.0, List.of());

    @Test
    void aSineCrossesZeroTwicePerPeriodAndIsThreeDecibelsBelowItsPeak() throws AnalysisException {
        int rate = 44_100;
        double frequencyHz = 441;
        float[] samples = new float[rate];
        for (int i = 0; i < rate; i++) {
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * frequencyHz * (i + 0.5) / rate));
        }
        Analysis analysis = new ZeroCrossingAnalyser().begin(TRACK, new PcmFormat(rate, 1));
        int half = rate / 2;
        analysis.process(new PcmBlock(new float[][] {java.util.Arrays.copyOfRange(samples, 0, half)}, half, 0));
        analysis.process(new PcmBlock(new float[][] {java.util.Arrays.copyOfRange(samples, half, rate)}, rate - half,
                half));
        AnalysisResult result = analysis.finish();

        assertEquals("example.zcr", result.analyserId());
        assertEquals(2 * frequencyHz, (double) result.values().get("zeroCrossingRate"), 2.0);
        assertEquals(20 * Math.log10(0.5 / Math.sqrt(2)), (double) result.values().get("rmsLevel"), 0.01);
    }

    @Test
    void aTrackWithoutAudioHasNoResult() {
        Analysis analysis = new ZeroCrossingAnalyser().begin(TRACK, PcmFormat.MONO_44100);
        AnalysisException error = assertThrows(AnalysisException.class, analysis::finish);
        assertEquals("the track has no audio", error.getMessage());
    }
}
