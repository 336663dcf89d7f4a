package org.deckhand.watcher.internal;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Walks music folders and lists the files that may hold audio, with their sizes and modification times: files with
 * an audio extension, and files with none, whose content decides. Hidden files and folders (a name starting with a
 * dot) are skipped; symbolic links are followed, loops are not. A music folder inside another is listed once. A file
 * whose name is not valid UTF-8 is listed as Java reads the name, and told apart, with its name's bytes.
 */
final class FolderScan {

    /** Extensions of the audio files Deckhand recognises, in lower case. */
    static final Set<String> AUDIO_EXTENSIONS = Set.of("mp3", "mp2", "flac", "wav", "wave", "aif", "aiff", "aifc",
            "ogg", "oga", "opus", "m4a", "m4b", "mp4", "aac", "alac", "wma", "ape", "wv", "dsf", "dff");

    private FolderScan() {
    }

    /**
     * What a walk found.
     *
     * @param files the candidate files, absolute, in walk order
     * @param readFolders the music folders that could be walked; a folder that could not (a network share that
     *     dropped out) is missing here, so that its tracks are not taken for gone
     * @param misnamed the files among them whose names are not valid UTF-8, by path as listed (the bytes that are
     *     not are read as U+FFFD, and no file has that path), each with the reason for the user
     */
    record Listing(FileListing files, List<Path> readFolders, Map<Path, String> misnamed) {
    }

    /**
     * @param folders the music folders, absolute
     * @param unreadable receives each file or folder that could not be read, with the reason
     * @return what the walk found
     */
    static Listing of(List<Path> folders, BiConsumer<Path, String> unreadable) {
        FileListing files = new FileListing();
        Map<Path, String> misnamed = new HashMap<>();
        List<Path> read = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                unreadable.accept(folder, "the music folder is not there (a network share that dropped out?)");
                continue;
            }
            try {
                Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                        new Collector(folder, folders, files, misnamed, unreadable));
                read.add(folder);
            } catch (IOException e) {
                unreadable.accept(folder, "the music folder cannot be read: " + e.getMessage());
            }
        }
        return new Listing(files, read, misnamed);
    }

    /**
     * @param file a file name or path
     * @return whether its name says it may hold audio
     */
    static boolean isCandidate(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith(".")) {
            return false;
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 || AUDIO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static final class Collector extends SimpleFileVisitor<Path> {

        private final Path root;
        private final List<Path> musicFolders;
        private final FileListing files;
        private final Map<Path, String> misnamed;
        private final BiConsumer<Path, String> unreadable;

        Collector(Path root, List<Path> musicFolders, FileListing files, Map<Path, String> misnamed,
                BiConsumer<Path, String> unreadable) {
            this.root = root;
            this.musicFolders = musicFolders;
            this.files = files;
            this.misnamed = misnamed;
            this.unreadable = unreadable;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
            }
            boolean hidden = dir.getFileName().toString().startsWith(".");
            boolean walkedOnItsOwn = musicFolders.contains(dir);
            return hidden || walkedOnItsOwn ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile() && isCandidate(file)) {
                Path absolute = file.toAbsolutePath().normalize();
                files.add(absolute, attributes.size(), attributes.lastModifiedTime().toMillis());
                Path asListed = absolute.resolveSibling(absolute.getFileName().toString());
                if (!asListed.equals(absolute)) {
                    misnamed.put(asListed, "the file name is not valid UTF-8, so the file cannot be opened: "
                            + FileNames.escaped(absolute) + " (\\xNN: a byte that is not UTF-8); rename it");
                }
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            unreadable.accept(file, e instanceof FileSystemLoopException
                    ? "a symbolic link loops back to a folder above it" : "cannot be read: " + e.getMessage());
            return FileVisitResult.CONTINUE;
        }
    }
}
