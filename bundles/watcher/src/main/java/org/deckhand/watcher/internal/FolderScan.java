package org.deckhand.watcher.internal;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Walks music folders and lists the files that may hold audio, with their sizes and modification times: files with
 * an audio extension, and files with none, whose content decides. Hidden files and folders (a name starting with a
 * dot) are skipped. A symbolic link is followed only where its real target lies inside a music folder, so that no
 * file outside them enters the catalog (a link to {@code /etc} is reported and left alone), and not where it loops
 * back to a folder above it; what a link leads to is listed under the link's path. A music folder inside another is
 * listed once. A file whose name is not valid UTF-8 is listed as Java reads the name, and told apart, with its name's
 * bytes.
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
     * @param unreadable receives each file or folder that could not be read or is not followed, with the reason
     * @return what the walk found
     */
    static Listing of(List<Path> folders, BiConsumer<Path, String> unreadable) {
        FileListing files = new FileListing();
        Map<Path, String> misnamed = new HashMap<>();
        List<Path> read = new ArrayList<>();
        List<Path> realFolders = new ArrayList<>();
        for (Path folder : folders) {
            try {
                realFolders.add(folder.toRealPath());
            } catch (IOException notThere) {
                // Reported below, when the walk finds it missing.
            }
        }
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                unreadable.accept(folder, "the music folder is not there (a network share that dropped out?)");
                continue;
            }
            try {
                Path real = folder.toRealPath();
                Files.walkFileTree(real, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE,
                        new Collector(real, folder, new Walk(folders, realFolders, files, misnamed, unreadable)));
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

    /** What every part of one scan shares: the music folders, the listing, and the real folders being walked. */
    private record Walk(List<Path> musicFolders, List<Path> realMusicFolders, FileListing files,
            Map<Path, String> misnamed, BiConsumer<Path, String> unreadable, Deque<Path> realAncestors) {

        Walk(List<Path> musicFolders, List<Path> realMusicFolders, FileListing files, Map<Path, String> misnamed,
                BiConsumer<Path, String> unreadable) {
            this(musicFolders, realMusicFolders, files, misnamed, unreadable, new ArrayDeque<>());
        }

        boolean inMusicFolders(Path real) {
            return realMusicFolders.stream().anyMatch(real::startsWith);
        }

        boolean loopsBack(Path real) {
            return realAncestors.stream().anyMatch(ancestor -> ancestor.startsWith(real));
        }
    }

    /**
     * Walks one real folder without following links, and lists what it finds under the path the user sees: the music
     * folder, or the symbolic link through which the folder was reached. A link is followed only when its target's
     * real path lies inside a music folder and is not a folder the walk is already inside of.
     */
    private static final class Collector extends SimpleFileVisitor<Path> {

        private final Path realRoot;
        private final Path shownRoot;
        private final Walk walk;

        Collector(Path realRoot, Path shownRoot, Walk walk) {
            this.realRoot = realRoot;
            this.shownRoot = shownRoot;
            this.walk = walk;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            if (!dir.equals(realRoot)) {
                boolean hidden = dir.getFileName().toString().startsWith(".");
                boolean walkedOnItsOwn = walk.musicFolders().contains(shown(dir));
                if (hidden || walkedOnItsOwn) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
            }
            walk.realAncestors().push(dir);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            walk.realAncestors().pop();
            if (e != null) {
                throw e;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
            if (attributes.isSymbolicLink()) {
                follow(file);
            } else if (attributes.isRegularFile() && isCandidate(file)) {
                add(file, shown(file), attributes);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            walk.unreadable().accept(shown(file), "cannot be read: " + e.getMessage());
            return FileVisitResult.CONTINUE;
        }

        /** Follows a link that stays inside the music folders; an error while walking its folder ends the walk. */
        private void follow(Path link) throws IOException {
            Path shown = shown(link);
            if (link.getFileName().toString().startsWith(".")) {
                return;
            }
            Path target;
            BasicFileAttributes attributes;
            try {
                target = link.toRealPath();
                attributes = Files.readAttributes(target, BasicFileAttributes.class);
            } catch (IOException e) {
                walk.unreadable().accept(shown, "a symbolic link that leads nowhere (" + e.getMessage() + ")");
                return;
            }
            if (!walk.inMusicFolders(target)) {
                walk.unreadable().accept(shown, "a symbolic link that leads out of the music folders, to " + target
                        + "; not followed");
            } else if (attributes.isRegularFile()) {
                if (isCandidate(link)) {
                    add(link, shown, attributes);
                }
            } else if (attributes.isDirectory()) {
                if (walk.loopsBack(target)) {
                    walk.unreadable().accept(shown, "a symbolic link loops back to a folder above it");
                    return;
                }
                Files.walkFileTree(target, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE,
                        new Collector(target, shown, walk));
            }
        }

        /** Lists a file found at {@code walked} under the path the user sees, telling apart a name not in UTF-8. */
        private void add(Path walked, Path shown, BasicFileAttributes attributes) {
            walk.files().add(shown, attributes.size(), attributes.lastModifiedTime().toMillis());
            if (!walked.resolveSibling(walked.getFileName().toString()).equals(walked)) {
                walk.misnamed().put(shown, "the file name is not valid UTF-8, so the file cannot be opened: "
                        + FileNames.escaped(walked) + " (\\xNN: a byte that is not UTF-8); rename it");
            }
        }

        private Path shown(Path real) {
            return shownRoot.resolve(realRoot.relativize(real).toString()).toAbsolutePath().normalize();
        }
    }
}
