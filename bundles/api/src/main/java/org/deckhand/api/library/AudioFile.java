package org.deckhand.api.library;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One audio file on disk, as the library last saw it.
 *
 * @param path absolute path of the file, inside one of the configured music folders
 * @param sizeBytes size of the file in bytes
 * @param modified last modification time reported by the file system
 * @param format container format in lower case, as a file extension would name it: {@code mp3}, {@code flac},
 *     {@code wav}, {@code aiff}, {@code ogg}, {@code opus}, {@code m4a}...
 * @param fastFingerprint hex digest of the file's size and sampled blocks, cheap enough for every scan; identifies
 *     the content across moves and renames; {@code null} until computed
 * @param sha256 hex SHA-256 of the whole file's content, for duplicates and integrity; {@code null} until the file
 *     has been read in full
 */
public record AudioFile(Path path, long sizeBytes, Instant modified, String format, String fastFingerprint,
        String sha256) {

    /**
     * @throws NullPointerException if {@code path}, {@code modified} or {@code format} is null
     * @throws IllegalArgumentException if {@code sizeBytes} is negative
     */
    public AudioFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(format, "format");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative: " + sizeBytes);
        }
    }
}
