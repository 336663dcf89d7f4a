package org.deckhand.media;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The test corpus built by {@code ../shared/corpus/build.sh}, found through the {@code deckhand.corpus} system
 * property or the {@code DECKHAND_CORPUS} environment variable; tests that need it are skipped without it.
 */
final class Corpus {

    private Corpus() {
    }

    /**
     * @param folder a folder of the corpus, such as {@code real-formats/flac}
     * @return its files, sorted; skips the calling test when the corpus is not configured
     */
    static List<Path> files(String folder) throws IOException {
        try (Stream<Path> files = Files.list(root().resolve(folder))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** @return one file of the corpus, by its path inside it; skips the calling test when it is not there */
    static Path file(String path) {
        Path file = root().resolve(path);
        assumeTrue(Files.isRegularFile(file), "no " + path + " in the corpus");
        return file;
    }

    /** @return the corpus's folder; skips the calling test when the corpus is not configured */
    private static Path root() {
        String configured = System.getProperty("deckhand.corpus", System.getenv("DECKHAND_CORPUS"));
        boolean present = configured != null && !configured.isBlank()
                && Files.isRegularFile(Path.of(configured, "manifest.tsv"));
        assumeTrue(present, "no test corpus: build it with `../shared/corpus/build.sh --quick /tmp/deckhand-corpus`, "
                + "then run with DECKHAND_CORPUS=/tmp/deckhand-corpus and -Pcorpus");
        return Path.of(configured);
    }
}
