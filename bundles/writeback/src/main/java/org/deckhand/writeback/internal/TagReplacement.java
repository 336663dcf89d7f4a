package org.deckhand.writeback.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.LibraryScanner;
import org.deckhand.api.library.TagWriteException;
import org.deckhand.api.library.TagWriter;

/**
 * Replaces a track's file by a copy with new tags, so that the file is at every moment either wholly the old one or
 * wholly the new one: the tags are written into a hidden copy in the same folder, the watcher is told what the new
 * file will look like, and the copy is renamed over the file in one atomic step. A file that changed since it was
 * catalogued is left alone: its owner is at work on it. While a copy exists, {@link InterruptedWrites} knows its
 * folder, so that a copy left by a killed server is deleted at the next start.
 */
final class TagReplacement {

    private final TagWriter writer;
    private final LibraryScanner scanner;
    private final InterruptedWrites interrupted;

    TagReplacement(TagWriter writer, LibraryScanner scanner, InterruptedWrites interrupted) {
        this.writer = writer;
        this.scanner = scanner;
        this.interrupted = interrupted;
    }

    /**
     * @param track the track, as the catalog holds it
     * @param update the tags to write
     * @return whether the file was replaced; false when it changed since it was catalogued
     * @throws TagWriteException if the tags cannot be written into a copy
     * @throws IOException if the copy cannot be read or renamed over the file; the file is then untouched
     */
    boolean apply(CatalogTrack track, TagUpdate update) throws TagWriteException, IOException {
        AudioFile catalogued = track.track().file();
        Path file = catalogued.path();
        if (!asCatalogued(file, catalogued)) {
            return false;
        }
        interrupted.begin(file);
        Path copy = null;
        try {
            copy = writer.writeTempoAndKey(file, update.bpm(), update.key());
            Files.setLastModifiedTime(copy, FileTime.from(Instant.now()));
            String sha256 = sha256(copy);
            if (!asCatalogued(file, catalogued)) {
                return false;
            }
            BasicFileAttributes replaced = Files.readAttributes(copy, BasicFileAttributes.class);
            scanner.expectOwnChange(file, replaced.size(), replaced.lastModifiedTime().toInstant(), sha256);
            Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } finally {
            if (copy != null) {
                Files.deleteIfExists(copy);
            }
            interrupted.end();
        }
    }

    private static boolean asCatalogued(Path file, AudioFile catalogued) throws IOException {
        BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
        return now.size() == catalogued.sizeBytes()
                && now.lastModifiedTime().toMillis() == catalogued.modified().toEpochMilli();
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
