package org.deckhand.watcher.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a walk found, in walk order, kept compactly for libraries of hundreds of thousands of files: each folder
 * once, and per file an index to its folder, its name in UTF-8, its size and modification time, in parallel arrays.
 * That is about 80 bytes a file with a 30-character name, where a map of {@link Path} to {@link FileStamp} took about
 * 440. Paths and stamps are made again when asked for. Not thread-safe.
 */
final class FileListing {

    private static final int INITIAL_CAPACITY = 1024;

    private final List<Path> folders = new ArrayList<>();
    private final Map<Path, Integer> folderIndexes = new HashMap<>();
    private int[] folderOf = new int[INITIAL_CAPACITY];
    private byte[][] names = new byte[INITIAL_CAPACITY][];
    private long[] sizesBytes = new long[INITIAL_CAPACITY];
    private long[] modifiedMillis = new long[INITIAL_CAPACITY];
    private int size;

    /**
     * Adds a file.
     *
     * @param file its path, absolute and normalized
     * @param sizeBytes its size in bytes
     * @param modifiedMillis its last modification time, in milliseconds since the epoch
     */
    void add(Path file, long sizeBytes, long modifiedMillis) {
        if (size == folderOf.length) {
            grow();
        }
        folderOf[size] = folderIndexes.computeIfAbsent(file.getParent(), folder -> {
            folders.add(folder);
            return folders.size() - 1;
        });
        names[size] = file.getFileName().toString().getBytes(StandardCharsets.UTF_8);
        sizesBytes[size] = sizeBytes;
        this.modifiedMillis[size] = modifiedMillis;
        size++;
    }

    /** @return how many files were added */
    int size() {
        return size;
    }

    /**
     * @param index a file's index, from 0 to {@link #size()} - 1, in the order they were added
     * @return its path
     */
    Path path(int index) {
        return folders.get(folderOf[checked(index)]).resolve(new String(names[index], StandardCharsets.UTF_8));
    }

    /**
     * @param index a file's index, from 0 to {@link #size()} - 1
     * @return its size and modification time
     */
    FileStamp stamp(int index) {
        return new FileStamp(sizesBytes[checked(index)], Instant.ofEpochMilli(modifiedMillis[index]));
    }

    /**
     * @param file a path, absolute and normalized
     * @return whether it was added; this looks through every file of the listing, and is meant for a few paths
     */
    boolean contains(Path file) {
        Path parent = file.getParent();
        Integer folder = parent == null ? null : folderIndexes.get(parent);
        if (folder == null) {
            return false;
        }
        byte[] name = file.getFileName().toString().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < size; i++) {
            if (folderOf[i] == folder && Arrays.equals(names[i], name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param folder a folder, absolute and normalized
     * @return whether a file in it, or in a folder below it, was added
     */
    boolean holdsFilesIn(Path folder) {
        return folders.stream().anyMatch(f -> f.startsWith(folder));
    }

    private int checked(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("no file " + index + " in a listing of " + size);
        }
        return index;
    }

    private void grow() {
        int capacity = size + (size >> 1);
        folderOf = Arrays.copyOf(folderOf, capacity);
        names = Arrays.copyOf(names, capacity);
        sizesBytes = Arrays.copyOf(sizesBytes, capacity);
        modifiedMillis = Arrays.copyOf(modifiedMillis, capacity);
    }
}
