package org.deckhand.renamer.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One batch's journal: an append-only text file in the data folder, one record a line, fields separated by tabs,
 * paths and messages in URL-safe Base64 of their UTF-8. A record is written before the step it announces is taken
 * ({@code BEGIN} before a move) and after it is done ({@code DONE}); {@link #appendDurably} forces the file to disk
 * (fsync) before it returns, and so makes every earlier record durable too. A last line cut short by a crash has no
 * newline and is ignored on reading. Not thread-safe: one batch runs on one thread.
 *
 * <p>Records: {@code BATCH id createdMillis description}, {@code MOVE seq trackId source target},
 * {@code ERROR seq trackId source reason}, {@code PLANNED}, {@code BEGIN seq}, {@code COPIED seq sha256},
 * {@code DONE seq sizeBytes modifiedMillis}, {@code FAIL seq reason}, {@code UNDO}, {@code UBEGIN seq},
 * {@code UCOPIED seq sha256}, {@code UDONE seq}, {@code USKIP seq reason}, {@code END state}; {@code trackId} is
 * {@code -} for a sidecar file.
 */
final class Journal implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final AtomicLong fsyncs;

    /**
     * @param file the journal, created when absent
     * @param fsyncs counts the fsyncs made, of journals and folders
     * @throws IOException if it cannot be opened
     */
    Journal(Path file, AtomicLong fsyncs) throws IOException {
        this.file = file;
        this.fsyncs = fsyncs;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    /**
     * Appends a record without forcing it to disk; the next {@link #appendDurably} does.
     *
     * @param fields the record's fields
     * @throws IOException if it cannot be written
     */
    void append(String... fields) throws IOException {
        ByteBuffer line = ByteBuffer.wrap((String.join("\t", fields) + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            channel.write(line);
        }
    }

    /**
     * Appends a record and forces the journal to disk.
     *
     * @param fields the record's fields
     * @throws IOException if it cannot be written or forced
     */
    void appendDurably(String... fields) throws IOException {
        append(fields);
        channel.force(false);
        fsyncs.incrementAndGet();
    }

    /**
     * @return the journal's file
     */
    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /**
     * @param text any text
     * @return it as one field
     */
    static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param field a field written by {@link #encode}
     * @return the text
     */
    static String decode(String field) {
        return new String(Base64.getUrlDecoder().decode(field), StandardCharsets.UTF_8);
    }

    /**
     * Forces a folder's entries to disk, so that a rename or link in it survives a power cut.
     *
     * @param folder the folder
     * @param fsyncs the counter to add to
     */
    static void forceFolder(Path folder, AtomicLong fsyncs) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
            fsyncs.incrementAndGet();
        } catch (IOException e) {
            // Some file systems (SMB, FAT over FUSE) cannot force a folder; the journal still records the move.
        }
    }

    /**
     * @param file a journal
     * @return its complete lines; a last line without its newline, cut by a crash, is left out
     * @throws IOException if it cannot be read
     */
    static String[] readLines(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? new String[0] : text.substring(0, end).split("\n");
    }
}
