package org.deckhand.watcher.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.deckhand.catalog.internal.DerbyCatalog;
import org.deckhand.tags.internal.JaudiotaggerTagReader;
import org.deckhand.testing.database.TestDatabases;

/**
 * Times a first scan of a music folder into an empty catalog (files read, fingerprinted, stored) and a rescan of the
 * unchanged folder, with the real catalog and tag reader, and prints the figures and the process's peak resident
 * memory. {@code bench/scan-bench.sh} builds the folder and runs it beside mpd.
 * Arguments: the music folder, and a folder for the catalog (emptied first).
 */
public final class ScanBench {

    private ScanBench() {
    }

    /**
     * @param args the music folder and the catalog folder
     * @throws IOException if a folder cannot be read or written
     * @throws SQLException if the catalog fails
     */
    public static void main(String[] args) throws IOException, SQLException {
        Path music = Path.of(args[0]).toAbsolutePath();
        Path catalogFolder = Path.of(args[1]).toAbsolutePath();
        if (Files.exists(catalogFolder)) {
            throw new IOException(catalogFolder + " exists; give a new folder for the catalog");
        }
        DerbyCatalog catalog = new DerbyCatalog(catalogFolder, TestDatabases.engine());
        try {
            Reconciler reconciler = new Reconciler(catalog, new JaudiotaggerTagReader(), new SilentEvents(),
                    Clock.systemUTC(), new OwnChanges(catalogFolder.resolveSibling("own-changes.tsv")));
            ScanReport first = reconciler.scan(List.of(music), Duration.ZERO, Duration.ofDays(7));
            ScanReport again = reconciler.scan(List.of(music), Duration.ZERO, Duration.ofDays(7));
            System.out.printf(Locale.ROOT, "deckhand first scan: %d files (%d tracks, %d problems) in %.2f s = %.0f"
                    + " files/s%n", first.files(), first.added(), first.problems(), first.seconds(),
                    first.files() / first.seconds());
            System.out.printf(Locale.ROOT, "deckhand unchanged rescan: %d files in %.3f s (%d changed)%n",
                    again.files(), again.seconds(), again.added() + again.changed() + again.moved());
            System.out.printf(Locale.ROOT, "deckhand peak resident memory: %s%n", peakResidentMemory());
        } finally {
            catalog.close();
        }
    }

    private static String peakResidentMemory() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .map(l -> String.format(Locale.ROOT, "%.0f MB",
                        Long.parseLong(l.replaceAll("\\D", "")) / 1024.0))
                .findFirst().orElse("unknown");
    }

    /** The bench posts no events. */
    private static final class SilentEvents implements LibraryEvents {
        @Override
        public void added(long trackId, Path path) {
        }

        @Override
        public void changed(long trackId, Path path) {
        }

        @Override
        public void moved(long trackId, Path from, Path to) {
        }

        @Override
        public void removed(long trackId, Path path) {
        }

        @Override
        public void scanStarted(String scanId) {
        }

        @Override
        public void scanProgress(String scanId, long done, long total) {
        }

        @Override
        public void scanCompleted(String scanId, long files, double seconds) {
        }

        @Override
        public void folderMissing(Path folder, String reason) {
        }

        @Override
        public void folderBack(Path folder) {
        }
    }
}
