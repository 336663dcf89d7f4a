package org.deckhand.analysers.tempo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deckhand.analysers.testing.AnalyserRun;
import org.deckhand.analysers.testing.Corpus;
import org.deckhand.analysers.testing.Pcm;
import org.deckhand.api.analysis.AnalysisException;
import org.junit.jupiter.api.Test;

/**
 * The tempo analyser on the labelled corpus, scored as {@code score.py} does: ACC1 counts estimates within 4 % of the
 * labelled tempo, ACC2 also counts 2x, 1/2x, 3x and 1/3x. The floors are the analysis issue's goals (ACC2 97 %, ACC1
 * 85 % inside the default BPM range) and, for ACC1 overall, a little under the best peer's 77.8 %. The corpus renders
 * of MMA grooves vary from one build to the next, so an item may flip: on one build the analyser reached ACC1 80.6 %,
 * on another 77.8 %.
 */
class TempoCorpusTest {

    private static final double ACC1_FLOOR = 0.75;
    private static final double ACC2_FLOOR = 0.97;
    private static final double IN_RANGE_ACC1_FLOOR = 0.85;

    @Test
    void theLabelledSetReachesItsFloors() throws AnalysisException {
        Path corpus = Corpus.folder();
        TempoAnalyser analyser = new TempoAnalyser(TempoRange.DEFAULT);
        int acc1 = 0;
        int acc2 = 0;
        int inRange = 0;
        int inRangeAcc1 = 0;
        List<String> misses = new ArrayList<>();
        List<Corpus.LabelledItem> items = Corpus.labelled(corpus);
        for (Corpus.LabelledItem item : items) {
            float[][] audio = Pcm.decode(item.file(), TempoAnalyser.DESCRIPTOR.format());
            double bpm = (Double) AnalyserRun.run(analyser, audio, SyntheticDrums.RATE_HZ).values().get("bpm");
            boolean first = within(bpm, item.bpm());
            boolean inside = item.bpm() >= TempoRange.DEFAULT_MIN_BPM && item.bpm() <= TempoRange.DEFAULT_MAX_BPM;
            acc1 += first ? 1 : 0;
            acc2 += first || within(bpm, 2 * item.bpm()) || within(bpm, item.bpm() / 2)
                    || within(bpm, 3 * item.bpm()) || within(bpm, item.bpm() / 3) ? 1 : 0;
            inRange += inside ? 1 : 0;
            inRangeAcc1 += inside && first ? 1 : 0;
            if (!first) {
                misses.add(item.file().getFileName() + " " + item.bpm() + " -> " + bpm);
            }
        }
        String report = "ACC1 " + acc1 + "/" + items.size() + ", ACC2 " + acc2 + "/" + items.size()
                + ", ACC1 inside the default range " + inRangeAcc1 + "/" + inRange + "; misses " + misses;
        assertTrue(acc1 >= ACC1_FLOOR * items.size(), report);
        assertTrue(acc2 >= ACC2_FLOOR * items.size(), report);
        assertTrue(inRangeAcc1 >= IN_RANGE_ACC1_FLOOR * inRange, report);
    }

    private static boolean within(double estimate, double truth) {
        return Math.abs(estimate - truth) <= 0.04 * truth;
    }
}
