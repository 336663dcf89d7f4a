package org.deckhand.analysers.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The test corpus built by {@code ../shared/corpus/build.sh}, found through the {@code deckhand.corpus} property. */
public final class Corpus {

    private Corpus() {
    }

    /** @return the corpus folder; skips the calling test when the corpus is not configured */
    public static Path folder() {
        Optional<Path> folder = find();
        assumeTrue(folder.isPresent(), "no test corpus: build it with `../shared/corpus/build.sh --quick "
                + "/tmp/deckhand-corpus`, then run with DECKHAND_CORPUS=/tmp/deckhand-corpus and -Pcorpus");
        return folder.get();
    }

    /** @return the corpus folder, if the {@code deckhand.corpus} property names one that was built */
    public static Optional<Path> find() {
        String property = System.getProperty("deckhand.corpus", System.getenv("DECKHAND_CORPUS"));
        if (property == null || property.isBlank() || !Files.isRegularFile(Path.of(property, "manifest.tsv"))) {
            return Optional.empty();
        }
        return Optional.of(Path.of(property));
    }

    /**
     * @param corpus the corpus folder
     * @return the labelled items of {@code labelled/truth.tsv}, in file order
     */
    public static List<LabelledItem> labelled(Path corpus) {
        Path labelled = corpus.resolve("labelled");
        try {
            return Files.readAllLines(labelled.resolve("truth.tsv")).stream().skip(1).filter(l -> !l.isBlank())
                    .map(line -> line.split("\t", -1))
                    .map(f -> new LabelledItem(labelled.resolve(f[0]), Double.parseDouble(f[1]),
                            f[2].isEmpty() ? null : f[2], f[3].isEmpty() ? null : f[3]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One item of the labelled set.
     *
     * @param file the FLAC file
     * @param bpm the notated tempo, BPM
     * @param key the key as written in truth.tsv ({@code Am}, {@code F#}), or null for tempo-only items
     * @param camelot the key's Camelot code ({@code 8A}), or null
     */
    public record LabelledItem(Path file, double bpm, String key, String camelot) {
    }
}
