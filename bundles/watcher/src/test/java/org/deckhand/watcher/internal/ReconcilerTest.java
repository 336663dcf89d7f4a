package org.deckhand.watcher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.catalog.Problem;
import org.deckhand.catalog.internal.DerbyCatalog;
import org.deckhand.tags.internal.JaudiotaggerTagReader;
import org.deckhand.testing.RecordingEventAdmin;
import org.deckhand.testing.database.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;

/**
 * The reconciler on real audio files from the test corpus, with the real catalog and tag reader: adds, unchanged
 * rescans, edits, moves, deletions, broken files and a music folder that drops out.
 */
class ReconcilerTest {

    private static final Duration NO_SETTLE = Duration.ZERO;
    private static final Duration GRACE = Duration.ofDays(7);

    @TempDir
    Path root;

    private Path music;
    private DerbyCatalog catalog;
    private final RecordedEvents events = new RecordedEvents();
    private OwnChanges ownChanges;
    private Reconciler reconciler;

    @BeforeEach
    void setUp() throws IOException, SQLException {
        Path corpus = corpus();
        music = Files.createDirectories(root.resolve("music"));
        for (String format : new String[] {"flac", "mp3-vbr", "m4a-aac"}) {
            Path target = Files.createDirectories(music.resolve(format));
            try (Stream<Path> files = Files.list(corpus.resolve("real-formats").resolve(format))) {
                for (Path file : files.sorted().limit(3).toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
        }
        catalog = new DerbyCatalog(root.resolve("catalog"), TestDatabases.engine());
        ownChanges = new OwnChanges(root.resolve("library/own-changes.tsv"));
        reconciler = new Reconciler(catalog, new JaudiotaggerTagReader(), events, Clock.systemUTC(), ownChanges);
    }

    @AfterEach
    void tearDown() throws SQLException {
        if (catalog != null) {
            catalog.close();
        }
    }

    @Test
    void aFirstScanAddsEveryFileAndAnUnchangedRescanDoesNothing() {
        ScanReport first = reconciler.scan(List.of(music), NO_SETTLE, GRACE);
        ScanReport second = reconciler.scan(List.of(music), NO_SETTLE, GRACE);

        assertEquals(List.of(9L, 9L, 0L), List.of(first.files(), first.added(), first.problems()), first.toString());
        assertEquals(9, catalog.stats().tracks());
        assertEquals(List.of(0L, 0L, 0L, 0L), List.of(second.added(), second.changed(), second.moved(),
                second.removed()), second.toString());
        assertTrue(events.lines.contains("scan completed 9"), events.lines.toString());
        assertEquals(9, events.lines.stream().filter(l -> l.startsWith("added ")).count());
    }

    @Test
    void aMovedFileKeepsItsTrackIdAndAnalysis() throws IOException {
        reconciler.scan(List.of(music), NO_SETTLE, GRACE);
        Path before = firstFile("flac");
        CatalogTrack track = catalog.findByPath(before).orElseThrow();
        catalog.saveAnalysis(track.id(), new AnalysisResult("tempo", "1", Map.of("bpm", 126.0)));
        Path after = Files.createDirectories(music.resolve("sorted/by artist")).resolve("renamed.flac");

        Files.move(before, after);
        ScanReport report = reconciler.scan(List.of(music), NO_SETTLE, GRACE);

        assertEquals(1, report.moved(), report.toString());
        assertEquals(0, report.added() + report.removed(), report.toString());
        CatalogTrack moved = catalog.findByPath(after).orElseThrow();
        assertEquals(track.id(), moved.id());
        assertEquals(126.0, moved.track().analyses().get(0).values().get("bpm"));
        assertTrue(events.lines.contains("moved " + track.id() + " " + before + " -> " + after));
    }

    @Test
    void anEditedFileIsReadAgainUnderTheSameId() throws IOException {
        reconciler.scan(List.of(music), NO_SETTLE, GRACE);
        Path file = firstFile("mp3-vbr");
        long id = catalog.findByPath(file).orElseThrow().id();
        String fingerprint = catalog.findByPath(file).orElseThrow().track().file().fastFingerprint();

        Files.write(file, new byte[] {'T', 'A', 'G'}, StandardOpenOption.APPEND);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(3600)));
        ScanReport report = reconciler.scan(List.of(music), NO_SETTLE, GRACE);

        assertEquals(1, report.changed(), report.toString());
        CatalogTrack changed = catalog.findByPath(file).orElseThrow();
        assertEquals(id, changed.id());
        assertTrue(!fingerprint.equals(changed.track().file().fastFingerprint()));
        assertEquals(Files.size(file), changed.track().file().sizeBytes());
    }

    @Test
    void aChangeDeckhandAnnouncedIsTakenInAsItsOwnAndKeepsTheAnalysis() throws IOException {
        reconciler.scan(List.of(music), NO_SETTLE, GRACE);
        Path file = firstFile("mp3-vbr");
        CatalogTrack track = catalog.findByPath(file).orElseThrow();
        catalog.saveAnalysis(track.id(), new AnalysisResult("tempo", "1", Map.of("bpm", 126.0)));
        String sha256 = "ab".repeat(32);

        FileStamp replaced = rewrite(file);
        ownChanges.expect(file, replaced, sha256);
        ScanReport report = reconciler.scan(List.of(music), NO_SETTLE, GRACE);

        assertEquals(0, report.changed(), report.toString());
        assertTrue(events.lines.stream().noneMatch(line -> line.startsWith("changed ")), events.lines.toString());
        CatalogTrack after = catalog.findByPath(file).orElseThrow();
        assertEquals(List.of(track.id(), replaced.sizeBytes(), sha256),
                List.of(after.id(), after.track().file().sizeBytes(), after.track().file().sha256()));
        assertEquals(126.0, after.track().analyses().get(0).values().get("bpm"));
        assertEquals(0, reconciler.scan(List.of(music), NO_SETTLE, GRACE).changed());
    }

    @Test
    void aChangeDeckhandAnnouncedBeforeTheServerWasKilledIsTakenInAsItsOwnAfterTheRestart() throws IOException {
        reconciler.scan(List.of(music), NO_SETTLE, GRACE);
        Path file = firstFile("flac");
        CatalogTrack track = catalog.findByPath(file).orElseThrow();
        catalog.saveAnalysis(track.id(), new AnalysisResult("tempo", "1", Map.of("bpm", 126.0)));
        String sha256 = "cd".repeat(32);

        FileStamp replaced = rewrite(file);
        ownChanges.expect(file, replaced, sha256);
        Reconciler afterRestart = new Reconciler(catalog, new JaudiotaggerTagReader(), events, Clock.systemUTC(),
                new OwnChanges(root.resolve("library/own-changes.tsv")));
        ScanReport report = afterRestart.scan(List.of(music), NO_SETTLE, GRACE);

        assertEquals(0, report.changed(), report.toString());
        assertTrue(events.lines.stream().noneMatch(line -> line.startsWith("changed ")), events.lines.toString());
        assertEquals(sha256, catalog.findByPath(file).orElseThrow().track().file().sha256());
        assertEquals(List.of(), Files.readAllLines(root.resolve("library/own-changes.tsv")),
                "the journal forgets the change once taken in");
    }

    @Test
    void aFileWhoseNameIsNotValidUtf8IsAProblemWhoseReasonGivesTheNamesBytes() throws Exception {
        String copyAsLatin1AndUtf8 = "cp \"$0\" \"$1/$(printf 'caf\\351 \\303\\251t\\351.flac')\"";
        Process copy = new ProcessBuilder("sh", "-c", copyAsLatin1AndUtf8, firstFile("flac").toString(),
                music.resolve("flac").toString()).inheritIO().start();
        assertEquals(0, copy.waitFor());

        ScanReport report = reconciler.scan(List.of(music), NO_SETTLE, GRACE);

        assertEquals(1, report.problems(), report.toString());
        Problem problem = catalog.problems().get(0);
        assertEquals(music.resolve("flac/caf\uFFFD \u00E9t\uFFFD.flac"), problem.path());
        assertEquals("the file name is not valid UTF-8, so the file cannot be opened: caf\\xE9 \u00E9t\\xE9.flac "
                + "(\\xNN: a byte that is not UTF-8); rename it", problem.reason());
        assertEquals(1, reconciler.scan(List.of(music), NO_SETTLE, GRACE).problems(), "still a problem, not twice");
        assertEquals(1, catalog.problems().size());
    }

    @Test
    void aChangeThatIsNotTheOneDeckhandAnnouncedIsAnnouncedAsAChange() throws IOException {
        reconciler.scan(List.of(music), NO_SETTLE, GRACE);
        Path file = firstFile("mp3-vbr");
        long id = catalog.findByPath(file).orElseThrow().id();

        FileStamp replaced = rewrite(file);
        ownChanges.expect(file, new FileStamp(replaced.sizeBytes() + 1, replaced.modified()), "ab".repeat(32));
        ScanReport report = reconciler.scan(List.of(music), NO_SETTLE, GRACE);

        assertEquals(1, report.changed(), report.toString());
        assertTrue(events.lines.contains("changed " + id + " " + file), events.lines.toString());
    }

    @Test
    void aDeletedFileMarksItsTrackMissingThenItIsPurgedAfterTheGracePeriod() throws IOException {
        reconciler.scan(List.of(music), NO_SETTLE, GRACE);
        Path file = firstFile("m4a-aac");
        long id = catalog.findByPath(file).orElseThrow().id();

        Files.delete(file);
        ScanReport report = reconciler.scan(List.of(music), NO_SETTLE, GRACE);

        assertEquals(1, report.removed(), report.toString());
        assertNotNull(catalog.get(id).orElseThrow().missingSince());
        Reconciler later = new Reconciler(catalog, new JaudiotaggerTagReader(), events,
                Clock.fixed(Instant.now().plus(GRACE).plusSeconds(60), ZoneOffset.UTC), ownChanges);
        later.scan(List.of(music), NO_SETTLE, GRACE);
        assertTrue(catalog.get(id).isEmpty(), "a track missing for longer than the grace period is purged");
    }

    @Test
    void brokenFilesAreProblemsWithReasonsAndTheScanCarriesOn() throws IOException {
        Path broken = Files.createDirectories(music.resolve("broken"));
        Files.copy(corpus().resolve("broken/empty.flac"), broken.resolve("empty.flac"));
        Files.copy(corpus().resolve("broken/song.mp3"), broken.resolve("song.mp3"));

        ScanReport report = reconciler.scan(List.of(music), NO_SETTLE, GRACE);

        assertEquals(9, report.added(), report.toString());
        assertEquals(2, report.problems(), report.toString());
        List<Problem> problems = catalog.problems();
        assertEquals(List.of(broken.resolve("empty.flac"), broken.resolve("song.mp3")),
                problems.stream().map(Problem::path).toList());
        assertTrue(problems.stream().allMatch(p -> !p.reason().isBlank() && !p.reason().contains(p.path().toString())),
                problems.toString());

        ScanReport again = reconciler.scan(List.of(music), NO_SETTLE, GRACE);
        Files.delete(broken.resolve("song.mp3"));
        Reconciler afterRestart = new Reconciler(catalog, new JaudiotaggerTagReader(), events, Clock.systemUTC(), ownChanges);
        afterRestart.scan(List.of(music), NO_SETTLE, GRACE);

        assertEquals(2, again.problems(), "problems stay reported while the files stay broken");
        assertEquals(List.of(broken.resolve("empty.flac")), catalog.problems().stream().map(Problem::path).toList(),
                "the problem of a deleted file is forgotten, even after a restart");
    }

    @Test
    void aMusicFolderThatDropsOutLeavesItsTracksAlone() throws IOException {
        reconciler.scan(List.of(music), NO_SETTLE, GRACE);
        Path unmounted = root.resolve("unmounted");

        Files.move(music, unmounted);
        ScanReport gone = reconciler.scan(List.of(music), NO_SETTLE, GRACE);
        Files.createDirectories(music);
        ScanReport empty = reconciler.scan(List.of(music), NO_SETTLE, GRACE);

        assertEquals(0, gone.removed(), gone.toString());
        assertEquals(0, empty.removed(), empty.toString());
        assertEquals(0, catalog.stats().missing());
    }

    @Test
    void aMusicFolderThatDropsOutIsPostedMissingOnceAndBackOnceWhenItReturns() throws IOException {
        RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
        Reconciler posting = new Reconciler(catalog, new JaudiotaggerTagReader(), new EventAdminLibraryEvents(
                eventAdmin), Clock.systemUTC(), ownChanges);
        Path other = Files.createDirectories(root.resolve("other"));
        List<Path> folders = List.of(music, other);
        posting.scan(folders, NO_SETTLE, GRACE);
        assertEquals(List.of(), healthTopics(eventAdmin), "present folders are not told of");
        Path unmounted = root.resolve("unmounted");

        Files.move(music, unmounted);
        posting.scan(folders, NO_SETTLE, GRACE);
        posting.scan(folders, NO_SETTLE, GRACE);
        Files.createDirectories(music);
        posting.scan(folders, NO_SETTLE, GRACE);

        List<Event> missing = eventAdmin.of(Topics.HEALTH_FOLDER_MISSING);
        assertEquals(1, missing.size(), "a share that stays missing is told once: " + healthTopics(eventAdmin));
        assertEquals(music.toString(), missing.get(0).getProperty(EventProperties.PATH));
        assertTrue(String.valueOf(missing.get(0).getProperty(EventProperties.MESSAGE)).contains("not there"),
                String.valueOf(missing.get(0).getProperty(EventProperties.MESSAGE)));

        Files.delete(music);
        Files.move(unmounted, music);
        posting.scan(folders, NO_SETTLE, GRACE);
        posting.scan(folders, NO_SETTLE, GRACE);

        assertEquals(List.of(Topics.HEALTH_FOLDER_MISSING, Topics.HEALTH_FOLDER_BACK), healthTopics(eventAdmin));
        assertEquals(music.toString(), eventAdmin.of(Topics.HEALTH_FOLDER_BACK).get(0)
                .getProperty(EventProperties.PATH));
        assertEquals(0, catalog.stats().missing(), "its tracks were left alone throughout");
    }

    @Test
    void aMountPointLeftEmptyWhileTheCatalogHoldsItsTracksIsToldMissing() throws IOException {
        reconciler.scan(List.of(music), NO_SETTLE, GRACE);
        Files.move(music, root.resolve("unmounted"));
        Files.createDirectories(music);

        reconciler.scan(List.of(music), NO_SETTLE, GRACE);
        reconciler.scan(List.of(music), NO_SETTLE, GRACE);

        List<String> told = events.lines.stream().filter(line -> line.startsWith("folder ")).toList();
        assertEquals(1, told.size(), told.toString());
        assertTrue(told.get(0).startsWith("folder missing " + music + ": the music folder is empty but the catalog"
                + " holds tracks in it"), told.get(0));
    }

    @Test
    void aMusicFolderInsideAnotherIsTakenInOnce() {
        ScanReport report = reconciler.scan(List.of(music, music.resolve("flac")), NO_SETTLE, GRACE);
        ScanReport again = reconciler.scan(List.of(music.resolve("flac"), music), NO_SETTLE, GRACE);

        assertEquals(List.of(9L, 9L), List.of(report.files(), report.added()), report.toString());
        assertEquals(9, catalog.stats().tracks());
        assertEquals(List.of(9L, 0L, 0L), List.of(again.files(), again.added(), again.removed()), again.toString());
    }

    @Test
    void audioBehindALinkOutOfTheMusicFoldersNeverEntersTheCatalog() throws IOException {
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        try (Stream<Path> files = Files.list(music.resolve("flac"))) {
            for (Path file : files.toList()) {
                Files.copy(file, elsewhere.resolve("outside-" + file.getFileName()));
            }
        }
        Files.createSymbolicLink(music.resolve("linked-out"), elsewhere);
        Files.createSymbolicLink(music.resolve("linked-in"), music.resolve("mp3-vbr"));

        ScanReport report = reconciler.scan(List.of(music), NO_SETTLE, GRACE);

        assertEquals(List.of(12L, 12L), List.of(report.files(), report.added()), report.toString());
        assertEquals(12, catalog.stats().tracks());
        assertEquals(3, events.lines.stream().filter(line -> line.contains(music.resolve("linked-in") + "/")).count(),
                events.lines.toString());
        assertTrue(events.lines.stream().noneMatch(line -> line.contains("outside-")), events.lines.toString());
    }

    @Test
    void aFileStillBeingWrittenWaitsForTheNextScan() {
        ScanReport report = reconciler.scan(List.of(music), Duration.ofDays(1), GRACE);

        assertEquals(9, report.unsettled(), report.toString());
        assertEquals(0, catalog.stats().tracks());
    }

    private static List<String> healthTopics(RecordingEventAdmin eventAdmin) {
        return eventAdmin.all().stream().map(Event::getTopic).filter(t -> t.startsWith(Topics.ROOT + "health/"))
                .toList();
    }

    /** Appends to a file and sets its time an hour back, as a tag editor might leave it; returns its stamp. */
    private static FileStamp rewrite(Path file) throws IOException {
        Files.write(file, new byte[] {'T', 'A', 'G'}, StandardOpenOption.APPEND);
        Instant modified = Instant.ofEpochMilli(Instant.now().minusSeconds(3600).toEpochMilli());
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(modified));
        return new FileStamp(Files.size(file), modified);
    }

    private Path firstFile(String format) throws IOException {
        try (Stream<Path> files = Files.list(music.resolve(format))) {
            return files.sorted().findFirst().orElseThrow();
        }
    }

    private static Path corpus() {
        String corpus = System.getProperty("deckhand.corpus");
        assumeTrue(corpus != null && !corpus.isBlank() && Files.isDirectory(Path.of(corpus)),
                "no test corpus: build one with ../shared/corpus/build.sh --quick DIR and set DECKHAND_CORPUS=DIR");
        return Path.of(corpus);
    }
}
