package org.deckhand.writeback.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deckhand.api.library.TagWriter;

/**
 * Remembers on disk, while a file's tags are written, the folder where the tag writer makes its hidden copy, so that
 * the copies a killed server left behind are found at the next start without walking the music folders, and deleted:
 * only files whose name starts with {@link TagWriter#COPY_PREFIX}, in that folder; never any other file. One write at
 * a time.
 */
final class InterruptedWrites {

    private final Path marker;

    /**
     * @param marker the file that names the folder of the write in progress, such as {@code DATA/writeback/writing}
     */
    InterruptedWrites(Path marker) {
        this.marker = marker;
    }

    /**
     * @param file the file whose tags are about to be written
     * @throws IOException if the marker cannot be written; the tags must not be written then
     */
    void begin(Path file) throws IOException {
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, file.toAbsolutePath().getParent().toString(), StandardCharsets.UTF_8);
    }

    /**
     * The write is over, its copy renamed over the file or deleted.
     *
     * @throws IOException if the marker cannot be deleted
     */
    void end() throws IOException {
        Files.deleteIfExists(marker);
    }

    /**
     * Deletes the copies that a write the server did not live to finish left behind, then the marker.
     *
     * @return the copies deleted
     * @throws IOException if the marker or the folder it names cannot be read, or a copy cannot be deleted
     */
    List<Path> cleanUp() throws IOException {
        List<Path> deleted = new ArrayList<>();
        if (!Files.isRegularFile(marker)) {
            return deleted;
        }
        Path folder = Path.of(Files.readString(marker, StandardCharsets.UTF_8));
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> copies = Files.newDirectoryStream(folder, TagWriter.COPY_PREFIX + "*")) {
                for (Path copy : copies) {
                    if (Files.isRegularFile(copy) && Files.deleteIfExists(copy)) {
                        deleted.add(copy);
                    }
                }
            }
        }
        end();
        return deleted;
    }
}
