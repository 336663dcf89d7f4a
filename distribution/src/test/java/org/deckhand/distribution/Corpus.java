package org.deckhand.distribution;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The test corpus, built by {@code ../shared/corpus/build.sh} and named by the {@code deckhand.corpus} property. */
final class Corpus {

    private Corpus() {
    }

    /** @return the corpus folder; skips the calling test when there is none */
    static Path folder() {
        String property = System.getProperty("deckhand.corpus");
        assumeTrue(property != null && Files.isDirectory(Path.of(property)),
                "no test corpus: build one with ../shared/corpus/build.sh --quick DIR and set DECKHAND_CORPUS=DIR");
        return Path.of(property);
    }
}
