package org.deckhand.renamer.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.deckhand.api.catalog.NewTrack;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.TrackMetadata;
import org.deckhand.catalog.internal.DerbyCatalog;
import org.deckhand.testing.database.TestDatabases;

/**
 * The renamer's figures, a bench command, not a test: the time and peak RSS of a preview of TRACKS tracks over a
 * real catalog (the files need not exist for a preview), and an apply of FILES files on one file system in files per
 * second beside {@code mv} of the same files in the same run, with the fsyncs counted. The preview is the server's:
 * its moves go to a file as they are planned, and one page is read back. A second run over the same
 * folder reuses its catalog, so that the preview's peak RSS is not the filling's: run it twice, the second time with
 * the server's heap ({@code -Xmx160m}). Run with
 * {@code java -cp TEST_CLASSPATH org.deckhand.renamer.internal.RenamerBench DIR [TRACKS [FILES]]}.
 */
public final class RenamerBench {

    private RenamerBench() {
    }

    /**
     * @param args the working folder, then optionally the track and file counts (100000, 5000)
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int tracks = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int files = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        Path music = dir.resolve("music");
        boolean filled = Files.isDirectory(dir.resolve("catalog"));
        DerbyCatalog catalog = new DerbyCatalog(dir.resolve("catalog"), TestDatabases.engine());
        List<NewTrack> batch = new ArrayList<>();
        for (int i = 0; i < (filled ? 0 : tracks); i++) {
            Path file = music.resolve("in/Folder " + i / 12 + "/" + i + ".flac");
            Tags tags = new Tags("Title " + i, List.of("Artist " + i % 3000), "Album " + i / 12, null, i % 12 + 1,
                    null, 1990 + i % 30, "Techno", null, null, null, 120.0 + i % 20, null);
            batch.add(new NewTrack(new AudioFile(file, 1000, Instant.now(), "flac", "fp" + i, null),
                    new TrackMetadata("flac", tags, new AudioProperties("flac", 300, 900, 44100, 16, 2, true),
                            ReplayGain.NONE, false, List.of())));
            if (batch.size() == 1000) {
                catalog.addAll(batch, Instant.now());
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            catalog.addAll(batch, Instant.now());
        }
        Planner planner = new Planner(catalog, null, List.of(music));
        PathRules rules = PathRules.parse(List.of(PathRules.DEFAULT_RULE));
        long start = System.nanoTime();
        long moveCount;
        try (PreviewPages pages = new PreviewPages(dir.resolve("previews"))) {
            pages.finish(planner.plan(new Planner.Request(null, rules, NamingProfile.PORTABLE, 1024, null), pages));
            pages.page(pages.moveCount() / 2, 100);
            moveCount = pages.moveCount();
        }
        double previewSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("preview: %d tracks, %d moves in %.2f s (with a page from its middle); peak RSS of this JVM"
                + " %s%n", tracks, moveCount, previewSeconds, peakRss());
        catalog.close();

        if (filled) {
            return;
        }
        Path applyRoot = Files.createDirectories(dir.resolve("apply"));
        Path mvRoot = Files.createDirectories(dir.resolve("mv"));
        List<PlannedMove> moves = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            Path source = Files.createDirectories(applyRoot.resolve("in/" + i / 20)).resolve(i + ".mp3");
            Files.write(source, new byte[4096]);
            moves.add(new PlannedMove(null, source, applyRoot.resolve("out/" + i / 20 + "/" + i + ".mp3"), "bench"));
            Path mvSource = Files.createDirectories(mvRoot.resolve("in/" + i / 20)).resolve(i + ".mp3");
            Files.write(mvSource, new byte[4096]);
            Files.createDirectories(mvRoot.resolve("out/" + i / 20));
        }
        AtomicLong fsyncs = new AtomicLong();
        DerbyCatalog applyCatalog = new DerbyCatalog(dir.resolve("apply-catalog"), TestDatabases.engine());
        BatchRunner runner = new BatchRunner(dir.resolve("journals"), applyCatalog, List.of(applyRoot),
                BatchEvents.NONE, fsyncs);
        Batch created = runner.create("bench", moves, List.of());
        start = System.nanoTime();
        runner.apply(created);
        double applySeconds = (System.nanoTime() - start) / 1e9;
        applyCatalog.close();
        start = System.nanoTime();
        Process mv = new ProcessBuilder("sh", "-c", "cd " + mvRoot + "/in && for d in *; do mv \"$d\"/* ../out/\"$d\"/; done")
                .inheritIO().start();
        mv.waitFor();
        double mvSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("apply: %d files in %.2f s = %.0f files/s; mv: %.2f s = %.0f files/s; ratio %.2f; "
                + "fsyncs %d (%.1f per file)%n", files, applySeconds, files / applySeconds, mvSeconds,
                files / mvSeconds, applySeconds / mvSeconds, fsyncs.get(), fsyncs.get() / (double) files);
    }

    private static String peakRss() throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .map(l -> l.replaceAll("\\s+", " ").substring(6).strip()).findFirst().orElse("unknown");
    }
}
