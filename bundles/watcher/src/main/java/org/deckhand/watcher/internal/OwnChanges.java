package org.deckhand.watcher.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deckhand.api.io.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files Deckhand itself is replacing (tag write-back), each with the size and time it will have once replaced
 * and its new SHA-256, so that a scan takes those changes in as Deckhand's own. Kept in a journal file as well, each
 * expectation written before the file is replaced: a server killed between the replacement and the scan that takes
 * it in finds the expectation again at its next start, and does not take its own change for a new file to analyse.
 * Thread-safe.
 */
final class OwnChanges {

    private static final Logger LOG = LoggerFactory.getLogger(OwnChanges.class);

    private final Path journal;
    private final Map<Path, Expected> expected = new LinkedHashMap<>();

    /**
     * @param journal the journal file, one expectation a line: size, time in milliseconds, SHA-256 and path,
     *     tab-separated; read if it exists, created when the first change is expected
     * @throws UncheckedIOException if the journal exists and cannot be read
     */
    OwnChanges(Path journal) {
        this.journal = journal;
        if (Files.isRegularFile(journal)) {
            try {
                for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
                    String[] fields = line.split("\t", 4);
                    if (fields.length == 4) {
                        expected.put(Path.of(fields[3]), new Expected(new FileStamp(Long.parseLong(fields[0]),
                                Instant.ofEpochMilli(Long.parseLong(fields[1]))), fields[2]));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                throw new UncheckedIOException(new IOException("cannot read " + journal + ": " + e.getMessage(), e));
            }
        }
    }

    /**
     * @param file the file about to be replaced
     * @param stamp its size and time once replaced
     * @param sha256 its new SHA-256
     * @throws IOException if the journal cannot be written; the file must not be replaced then
     */
    synchronized void expect(Path file, FileStamp stamp, String sha256) throws IOException {
        expected.put(file, new Expected(stamp, sha256));
        save();
    }

    /**
     * Takes the expectation of a file that a scan found changed.
     *
     * @param file the file
     * @param stamp its size and time as the scan found them
     * @return the new SHA-256 if the file is as Deckhand left it; empty if someone else changed it, and then the
     *     expectation is dropped (from the journal too, unless it cannot be written: then the next start finds it
     *     again, and drops it at that file's next change)
     */
    synchronized Optional<String> take(Path file, FileStamp stamp) {
        Expected own = expected.remove(file);
        if (own != null) {
            try {
                save();
            } catch (IOException e) {
                LOG.warn("Cannot write {}: {}", journal, e.toString());
            }
        }
        return own != null && own.stamp().equals(stamp) ? Optional.of(own.sha256()) : Optional.empty();
    }

    private void save() throws IOException {
        List<String> lines = new ArrayList<>();
        expected.forEach((file, own) -> lines.add(own.stamp().sizeBytes() + "\t" + own.stamp().modified()
                .toEpochMilli() + "\t" + own.sha256() + "\t" + file));
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        DurableFiles.replace(journal, text.toString().getBytes(StandardCharsets.UTF_8), DurableFiles.Access.INHERITED);
    }

    private record Expected(FileStamp stamp, String sha256) {
    }
}
