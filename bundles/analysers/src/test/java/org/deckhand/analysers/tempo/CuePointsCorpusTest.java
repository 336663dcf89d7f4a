package org.deckhand.analysers.tempo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deckhand.analysers.testing.AnalyserRun;
import org.deckhand.analysers.testing.Corpus;
import org.deckhand.analysers.testing.Pcm;
import org.deckhand.api.analysis.AnalysisException;
import org.junit.jupiter.api.Test;

/**
 * Intro and outro cue points on the labelled corpus's music: a DJ's intro of at least one phrase even where the music
 * starts at full energy (never the first downbeat), before the outro, which ends at least one phrase before the end;
 * and where the first bars are played 24 dB quieter, the intro ends where the full-level music starts.
 */
class CuePointsCorpusTest {

    private static final double QUIET_GAIN = Math.pow(10, -24 / 20.0);
    private static final int QUIET_BARS = 8;

    private final BeatGridAnalyser analyser = new BeatGridAnalyser(TempoRange.DEFAULT);

    @Test
    void everyTrackHasAnIntroAndAnOutroOfAtLeastOnePhraseInOrder() throws AnalysisException {
        List<String> wrong = new ArrayList<>();
        List<Corpus.LabelledItem> items = Corpus.labelled(Corpus.folder());
        for (Corpus.LabelledItem item : items) {
            float[][] audio = Pcm.decode(item.file(), BeatGridAnalyser.DESCRIPTOR.format());
            Grid grid = grid(audio);
            double duration = audio[0].length / (double) SyntheticDrums.RATE_HZ;
            double phrase = CuePoints.phraseBars((int) ((duration - grid.firstDownbeat) / grid.bar)) * grid.bar;
            boolean fits = grid.introEnd >= grid.firstDownbeat + phrase - 0.01
                    && grid.introEnd < grid.outroStart
                    && grid.outroStart <= duration - phrase + 0.01
                    && grid.introEnd >= 2;
            if (!fits) {
                wrong.add(name(item.file()) + ": " + grid + " in " + duration + " s");
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + items.size() + " tracks: " + wrong);
    }

    @Test
    void aQuieterOpeningEndsTheIntroWhereTheFullLevelMusicStarts() throws AnalysisException {
        List<String> wrong = new ArrayList<>();
        int measured = 0;
        for (Corpus.LabelledItem item : Corpus.labelled(Corpus.folder())) {
            float[][] audio = Pcm.decode(item.file(), BeatGridAnalyser.DESCRIPTOR.format());
            Grid plain = grid(audio);
            double duration = audio[0].length / (double) SyntheticDrums.RATE_HZ;
            double loudFrom = plain.firstDownbeat + QUIET_BARS * plain.bar;
            if (loudFrom > duration / 2) {
                continue;
            }
            int quietSamples = (int) Math.round(loudFrom * SyntheticDrums.RATE_HZ);
            for (int i = 0; i < quietSamples; i++) {
                audio[0][i] *= (float) QUIET_GAIN;
            }
            Grid quieter = grid(audio);
            measured++;
            if (Math.abs(quieter.introEnd - loudFrom) > plain.bar + 0.05) {
                wrong.add(name(item.file()) + ": full level from " + loudFrom + " s, " + quieter);
            }
        }
        assertTrue(measured >= 10, "only " + measured + " tracks are long enough");
        assertTrue(wrong.size() <= measured / 10, wrong.size() + " of " + measured + " tracks: " + wrong);
    }

    private Grid grid(float[][] audio) throws AnalysisException {
        Map<String, Object> values = AnalyserRun.run(analyser, audio, SyntheticDrums.RATE_HZ).values();
        return new Grid((Double) values.get("firstDownbeatSeconds"), 4 * (Double) values.get("beatPeriodSeconds"),
                (Double) values.get("introEndSeconds"), (Double) values.get("outroStartSeconds"));
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    private record Grid(double firstDownbeat, double bar, double introEnd, double outroStart) {
    }
}
