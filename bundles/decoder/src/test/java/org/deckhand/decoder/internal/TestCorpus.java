package org.deckhand.decoder.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The test corpus built by {@code ../shared/corpus/build.sh}, found through the {@code deckhand.corpus} system
 * property or the {@code DECKHAND_CORPUS} environment variable; tests that need it are skipped without it.
 */
final class TestCorpus {

    private TestCorpus() {
    }

    /** @return the corpus folder; skips the calling test when the corpus is not configured */
    static Path folder() {
        String configured = System.getProperty("deckhand.corpus", System.getenv("DECKHAND_CORPUS"));
        boolean present = configured != null && !configured.isBlank()
                && Files.isRegularFile(Path.of(configured, "manifest.tsv"));
        assumeTrue(present, "no test corpus: build it with `../shared/corpus/build.sh --quick /tmp/deckhand-corpus`, "
                + "then run with DECKHAND_CORPUS=/tmp/deckhand-corpus and -Pcorpus");
        return Path.of(configured);
    }

    /**
     * @param corpus the corpus folder
     * @return every audio file of {@code manifest.tsv}, by path relative to the corpus, in file order
     */
    static Map<String, Entry> manifest(Path corpus) {
        try {
            Map<String, Entry> entries = new LinkedHashMap<>();
            Files.readAllLines(corpus.resolve("manifest.tsv")).stream().skip(1).filter(l -> !l.isBlank())
                    .map(l -> l.split("\t", -1))
                    .forEach(f -> entries.put(f[0], new Entry(corpus.resolve(f[0]), Long.parseLong(f[1]),
                            f[2].isEmpty() ? Double.NaN : Double.parseDouble(f[2]), f[3])));
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One file of the manifest.
     *
     * @param file the file
     * @param sizeBytes its size, bytes
     * @param durationSeconds ffprobe's duration, seconds, or NaN when ffprobe gave none
     * @param sha256 the SHA-256 of its bytes, lower-case hex
     */
    record Entry(Path file, long sizeBytes, double durationSeconds, String sha256) {
    }
}
