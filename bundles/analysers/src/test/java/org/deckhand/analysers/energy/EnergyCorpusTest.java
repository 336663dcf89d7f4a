package org.deckhand.analysers.energy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LongSummaryStatistics;
import java.util.Map;
import org.deckhand.analysers.testing.AnalyserRun;
import org.deckhand.analysers.testing.Corpus;
import org.deckhand.analysers.testing.Pcm;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.PcmFormat;
import org.junit.jupiter.api.Test;

/** The rating on the labelled corpus: spread over the scale, with the calm ballad below the busy boogie. */
class EnergyCorpusTest {

    private static final PcmFormat FORMAT = new PcmFormat(EnergyAnalyser.SAMPLE_RATE_HZ, 1);

    private static long rating(Path file) throws AnalysisException {
        float[][] samples = Pcm.decode(file, FORMAT);
        Map<String, Object> values = AnalyserRun.run(new EnergyAnalyser(), samples, FORMAT.sampleRateHz()).values();
        return (Long) values.get(EnergyAnalyser.ENERGY);
    }

    @Test
    void ratingsSpreadOverTheScale() throws AnalysisException {
        Path corpus = Corpus.folder();
        LongSummaryStatistics ratings = new LongSummaryStatistics();
        long ballad = -1;
        long boogie = -1;
        for (Corpus.LabelledItem item : Corpus.labelled(corpus)) {
            long rating = rating(item.file());
            ratings.accept(rating);
            String name = item.file().getFileName().toString();
            ballad = name.startsWith("mma_stringballad") ? rating : ballad;
            boogie = name.startsWith("midi_openmsx_boogi_marabi") ? rating : boogie;
        }
        assertTrue(ratings.getMax() - ratings.getMin() >= 3, "ratings span only " + ratings);
        assertTrue(ballad >= 0 && boogie >= 0 && ballad + 2 <= boogie,
                "string ballad rated " + ballad + ", boogie " + boogie);
    }
}
