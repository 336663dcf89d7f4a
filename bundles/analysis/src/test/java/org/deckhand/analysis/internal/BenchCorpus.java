package org.deckhand.analysis.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The test corpus built by {@code ../shared/corpus/build.sh}, as the analysis bench reads it: every audio file its
 * {@code manifest.tsv} lists outside {@code broken/}, and the files of the labelled set in {@code truth.tsv} order.
 */
final class BenchCorpus {

    private BenchCorpus() {
    }

    /**
     * @param corpus the corpus folder
     * @return the audio files of {@code real/}, {@code real-formats/} and {@code labelled/}, in manifest order
     * @throws IOException if the manifest cannot be read
     * @throws IllegalArgumentException if the manifest is malformed, naming the line
     */
    static List<AudioItem> audioFiles(Path corpus) throws IOException {
        Path manifest = corpus.resolve("manifest.tsv");
        List<String> lines = Files.readAllLines(manifest);
        List<AudioItem> items = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] columns = lines.get(i).split("\t", -1);
            if (columns.length < 3) {
                throw new IllegalArgumentException(manifest + ":" + (i + 1) + ": expected file, size_bytes, "
                        + "duration_s");
            }
            String relative = columns[0];
            if (relative.isBlank() || relative.startsWith("broken/")) {
                continue;
            }
            double durationSeconds = columns[2].isBlank() ? Double.NaN : Double.parseDouble(columns[2]);
            items.add(new AudioItem(corpus.resolve(relative), relative, durationSeconds));
        }
        return items;
    }

    /**
     * @param corpus the corpus folder
     * @return the file names of the labelled set, relative to {@code labelled/}, in {@code truth.tsv} order
     * @throws IOException if {@code labelled/truth.tsv} cannot be read
     */
    static List<String> labelledFiles(Path corpus) throws IOException {
        return Files.readAllLines(truth(corpus)).stream().skip(1).filter(line -> !line.isBlank())
                .map(line -> line.split("\t", -1)[0]).toList();
    }

    /** @return the labelled set's ground truth, {@code labelled/truth.tsv} */
    static Path truth(Path corpus) {
        return corpus.resolve("labelled").resolve("truth.tsv");
    }

    /**
     * One audio file of the corpus.
     *
     * @param file its path
     * @param relative its path relative to the corpus folder, as the manifest writes it
     * @param durationSeconds its playing time as ffprobe measured it (seconds), or NaN when unknown
     */
    record AudioItem(Path file, String relative, double durationSeconds) {

        /** @return whether it belongs to the labelled set */
        boolean labelled() {
            return relative.startsWith("labelled/");
        }
    }
}
