package org.deckhand.analysers.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deckhand.analysers.key.KeyAnalyser;
import org.deckhand.analysers.key.KeyProfile;
import org.deckhand.analysers.tempo.TempoAnalyser;
import org.deckhand.analysers.tempo.TempoRange;
import org.deckhand.api.analysis.Analyser;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.PcmFormat;

/**
 * Writes the tempo and key analysers' estimates, with their default settings, for every item of a corpus's labelled
 * set as a {@code score.py} estimates file ({@code file, bpm, key}), two items at a time, so that tempo and key
 * changes can be scored in a few minutes without the whole analysis bench:
 * {@code LabelledEstimates /tmp/deckhand-corpus-full est.tsv && /usr/bin/python3 ../shared/corpus/score.py
 * /tmp/deckhand-corpus-full/labelled/truth.tsv est.tsv}. Not a test: run it by hand.
 */
public final class LabelledEstimates {

    private static final PcmFormat FORMAT = new PcmFormat(KeyAnalyser.SAMPLE_RATE_HZ, 1);

    private LabelledEstimates() {
    }

    /**
     * @param args the corpus folder and the estimates file to write
     * @throws IOException if the estimates file cannot be written
     * @throws ExecutionException if an analyser fails on an item
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws IOException, ExecutionException, InterruptedException {
        TempoAnalyser tempo = new TempoAnalyser(TempoRange.DEFAULT);
        KeyAnalyser key = new KeyAnalyser(KeyProfile.KRUMHANSL, KeyProfile.EDMA);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> rows = new ArrayList<>();
            for (Corpus.LabelledItem item : Corpus.labelled(Path.of(args[0]))) {
                rows.add(pool.submit(() -> {
                    float[][] audio = Pcm.decode(item.file(), FORMAT);
                    return item.file().getFileName() + "\t" + value(tempo, "bpm", audio) + "\t"
                            + value(key, KeyAnalyser.CAMELOT, audio);
                }));
            }
            List<String> lines = new ArrayList<>(List.of("file\tbpm\tkey"));
            for (Future<String> row : rows) {
                lines.add(row.get());
            }
            Files.write(Path.of(args[1]), lines);
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return the analyser's value of a field, or an empty string when it found none */
    private static String value(Analyser analyser, String field, float[][] audio) {
        try {
            Map<String, Object> values = AnalyserRun.run(analyser, audio, FORMAT.sampleRateHz()).values();
            Object value = values.get(field);
            return value == null ? "" : value.toString();
        } catch (AnalysisException e) {
            return "";
        }
    }
}
