package org.deckhand.renamer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.catalog.NewTrack;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.TrackMetadata;
import org.deckhand.catalog.internal.DerbyCatalog;
import org.deckhand.testing.database.TestDatabases;

/**
 * A music folder of small distinct files, each with a hard link kept outside it ({@code links/ID}), so that after any
 * number of moves a file is known by its inode to be the very same file; and a real Derby catalog that holds them.
 * Layout under the root: {@code music/}, {@code links/}, {@code catalog/}, {@code renamer/}.
 */
final class MoverWorld {

    private MoverWorld() {
    }

    static Path music(Path root) {
        return root.resolve("music");
    }

    /** Creates {@code count} files in {@code count / 20} album folders and adds them to a new catalog. */
    static void create(Path root, int count) throws Exception {
        Random random = new Random(count);
        Path music = Files.createDirectories(music(root));
        Path links = Files.createDirectories(root.resolve("links"));
        List<NewTrack> tracks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path folder = Files.createDirectories(music.resolve("in/Album " + (i / 20)));
            Path file = folder.resolve(String.format("%02d Track %d.mp3", i % 20 + 1, i));
            byte[] content = new byte[512 + random.nextInt(4096)];
            random.nextBytes(content);
            Files.write(file, content);
            tracks.add(new NewTrack(new AudioFile(file, content.length, Files.getLastModifiedTime(file).toInstant(),
                    "mp3", "fp" + i, null), new TrackMetadata("mp3", Tags.NONE,
                    new AudioProperties("mp3", 1, 128, 44100, 0, 2, false), ReplayGain.NONE, false, List.of())));
        }
        DerbyCatalog catalog = new DerbyCatalog(root.resolve("catalog"), TestDatabases.engine());
        try {
            List<Long> ids = catalog.addAll(tracks, Instant.now());
            for (int i = 0; i < ids.size(); i++) {
                Files.createLink(links.resolve(Long.toString(ids.get(i))), tracks.get(i).file().path());
            }
        } finally {
            catalog.close();
        }
    }

    /** The plan of the crash test: every file into {@code out/Crate N/}, renamed. */
    static List<PlannedMove> plan(DerbyCatalog catalog, Path music) {
        List<PlannedMove> moves = new ArrayList<>();
        catalog.forEach(track -> {
            Path source = track.track().file().path();
            Path target = music.resolve("out/Crate " + track.id() % 37).resolve(track.id() + " - "
                    + source.getFileName());
            moves.add(new PlannedMove(track.id(), source, target, "test"));
        });
        return moves;
    }

    /**
     * Checks the invariants that must hold whenever no batch is running.
     *
     * @return what is wrong, empty when all holds
     */
    static List<String> check(Path root, DerbyCatalog catalog) throws IOException {
        List<String> wrong = new ArrayList<>();
        Map<Object, Path> byInode = new HashMap<>();
        try (Stream<Path> files = Files.walk(music(root))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.getFileName().toString().startsWith(FileMover.TEMP_PREFIX)) {
                    wrong.add("a temporary file is left: " + file);
                }
                Object inode = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
                Path earlier = byInode.put(inode, file);
                if (earlier != null) {
                    wrong.add("one file under two names: " + earlier + " and " + file);
                }
            }
        }
        long[] tracks = {0};
        catalog.forEach(track -> {
            tracks[0]++;
            checkTrack(root, track, wrong);
        });
        if (byInode.size() != tracks[0]) {
            wrong.add(byInode.size() + " files on disk but " + tracks[0] + " tracks in the catalog");
        }
        return wrong;
    }

    private static void checkTrack(Path root, CatalogTrack track, List<String> wrong) {
        Path path = track.track().file().path();
        try {
            if (!Files.isSameFile(path, root.resolve("links/" + track.id()))) {
                wrong.add("track " + track.id() + ": the catalog's " + path + " is another file");
            }
        } catch (IOException e) {
            wrong.add("track " + track.id() + ": the catalog's " + path + " is not there (" + e + ")");
        }
    }
}
