package org.deckhand.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.deckhand.catalog.internal.TestTracks.file;
import static org.deckhand.catalog.internal.TestTracks.metadata;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.catalog.CatalogException;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.catalog.LibraryStats;
import org.deckhand.api.catalog.NewTrack;
import org.deckhand.api.catalog.Problem;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.TrackMetadata;
import org.deckhand.testing.database.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


class DerbyCatalogTest {

    private static final Instant ADDED = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path folder;

    private DerbyCatalog catalog;

    @BeforeEach
    void open() throws SQLException, IOException {
        catalog = new DerbyCatalog(folder, TestDatabases.engine());
    }

    @AfterEach
    void close() throws SQLException {
        catalog.close();
    }

    @Test
    void everyFieldSurvivesTheRoundTripAcrossARestart() throws SQLException, IOException {
        String longTitle = "Ünïcödé " + "x".repeat(224);
        Tags tags = new Tags(longTitle, List.of("Zoë", "AC/DC \"live\""), "Album", "Various", 3, 1, 1997, "Techno",
                "Tresor", "DEA123456789", "a comment", 127.5, "8A", 12, 2, true);
        TrackMetadata metadata = new TrackMetadata("flac", tags,
                new AudioProperties("flac", 412.25, 912, 44_100, 24, 2, true),
                new ReplayGain(-7.5, 0.98, -6.0, 1.0), true, List.of("ID3v1 tag ignored"));
        AudioFile file = file("/music/Zoë/01 - track.flac", "fp-1");

        long id = catalog.add(file, metadata, ADDED).id();
        catalog.close();
        catalog = new DerbyCatalog(folder, TestDatabases.engine());
        CatalogTrack read = catalog.get(id).orElseThrow();

        assertEquals(file, read.track().file());
        assertEquals(tags, read.track().tags());
        assertEquals(metadata, read.metadata());
        assertEquals(412.25, read.track().durationSeconds());
        assertEquals(ADDED, read.added());
        assertNull(read.missingSince());
    }

    @Test
    void everyChangeLeavesATrackStaleInTheIndexUntilTheIndexCommitsThatRevision() {
        long first = catalog.add(file("/music/1.flac", "a"), metadata("flac"), ADDED).id();
        long second = catalog.add(file("/music/2.flac", "b"), metadata("flac"), ADDED).id();
        assertEquals(List.of(first, second), catalog.staleInIndex(0, 10), "a new track is stale");
        assertEquals(List.of(second), catalog.staleInIndex(first, 10), "pages go on after the id given");

        catalog.markIndexed(Map.of(first, catalog.get(first).orElseThrow().revision(),
                second, catalog.get(second).orElseThrow().revision()));
        assertEquals(List.of(), catalog.staleInIndex(0, 10));

        long before = catalog.get(first).orElseThrow().revision();
        catalog.saveAnalysis(first, new AnalysisResult("tempo", "1", Map.of("bpm", 128.0)));
        catalog.move(second, Path.of("/music/moved.flac"));
        assertEquals(List.of(first, second), catalog.staleInIndex(0, 10), "analysis and moves change tracks");

        long analysed = catalog.get(first).orElseThrow().revision();
        assertTrue(analysed > before);
        catalog.markIndexed(Map.of(first, before));
        assertEquals(List.of(first, second), catalog.staleInIndex(0, 10),
                "an index that committed an earlier revision leaves the track stale");
        catalog.update(first, file("/music/1.flac", "a2"), metadata("flac"));
        catalog.markIndexed(Map.of(first, analysed, 999L, 1L));
        assertEquals(List.of(first, second), catalog.staleInIndex(0, 10),
                "a change after the revision the index read keeps the track stale");
    }

    @Test
    void manyTracksAreAddedInOneTransactionOrNotAtAll() {
        List<Long> ids = catalog.addAll(List.of(new NewTrack(file("/music/1.flac", "a"), metadata("flac")),
                new NewTrack(file("/music/2.flac", "b"), metadata("flac"))), ADDED);

        assertEquals(2, ids.size());
        assertEquals(Path.of("/music/2.flac"), catalog.get(ids.get(1)).orElseThrow().track().file().path());
        assertThrows(CatalogException.class, () -> catalog.addAll(List.of(
                new NewTrack(file("/music/3.flac", "c"), metadata("flac")),
                new NewTrack(file("/music/1.flac", "a"), metadata("flac"))), ADDED));
        assertTrue(catalog.findByPath(Path.of("/music/3.flac")).isEmpty(), "a failed batch adds nothing");
    }

    @Test
    void aPathHoldsOneTrack() {
        catalog.add(file("/music/a.mp3", "fp"), metadata("mp3"), ADDED);

        CatalogException error = assertThrows(CatalogException.class,
                () -> catalog.add(file("/music/a.mp3", "fp"), metadata("mp3"), ADDED));

        assertTrue(error.getMessage().contains("/music/a.mp3"), error.getMessage());
    }

    @Test
    void aPageOfTracksIsReadInTheOrderAskedWithoutTheIdsNotHeld() {
        long first = catalog.add(file("/music/1.mp3", "fp1"), metadata("mp3"), ADDED).id();
        long second = catalog.add(file("/music/2.flac", "fp2"), metadata("flac"), ADDED).id();
        catalog.saveAnalysis(second, new AnalysisResult("tempo", "1", Map.of("bpm", 128.0)));

        List<CatalogTrack> page = catalog.getAll(List.of(second, 999_999L, first));

        assertEquals(List.of(second, first), page.stream().map(CatalogTrack::id).toList());
        assertEquals(128.0, page.get(0).track().analyses().get(0).values().get("bpm"));
        assertEquals(List.of(), catalog.getAll(List.of()));
    }

    @Test
    void aMovedTrackKeepsItsIdAndAnalysis() {
        CatalogTrack track = catalog.add(file("/music/old name.mp3", "fp-move"), metadata("mp3"), ADDED);
        catalog.saveAnalysis(track.id(), new AnalysisResult("tempo", "1", Map.of("bpm", 124.0)));

        catalog.move(track.id(), Path.of("/music/sorted/new name.mp3"));

        CatalogTrack moved = catalog.findByPath(Path.of("/music/sorted/new name.mp3")).orElseThrow();
        assertEquals(track.id(), moved.id());
        assertEquals(List.of(new AnalysisResult("tempo", "1", Map.of("bpm", 124.0))), moved.track().analyses());
        assertTrue(catalog.findByPath(Path.of("/music/old name.mp3")).isEmpty());
        assertEquals("fp-move", moved.track().file().fastFingerprint());
    }

    @Test
    void anAnalysisIsReplacedAndKeepsTheTypesOfItsValues() {
        long id = catalog.add(file("/music/a.flac", "fp"), metadata("flac"), ADDED).id();
        catalog.saveAnalysis(id, new AnalysisResult("example.zcr", "1", Map.of("rate", 1.0)));
        AnalysisResult second = new AnalysisResult("example.zcr", "2",
                Map.of("rate", 2.5, "crossings", 123_456_789_012L, "label", "bright", "clipped", true));

        catalog.saveAnalysis(id, second);
        catalog.saveAnalysis(id, new AnalysisResult("tempo", "1", Map.of("bpm", 128.0)));

        List<AnalysisResult> analyses = catalog.get(id).orElseThrow().track().analyses();
        assertEquals(List.of(second, new AnalysisResult("tempo", "1", Map.of("bpm", 128.0))), analyses);
    }

    @Test
    void missingTracksArePurgedAfterTheirGracePeriodOnly() {
        long early = catalog.add(file("/music/early.mp3", "a"), metadata("mp3"), ADDED).id();
        long late = catalog.add(file("/music/late.mp3", "b"), metadata("mp3"), ADDED).id();
        long present = catalog.add(file("/music/present.mp3", "c"), metadata("mp3"), ADDED).id();
        catalog.saveAnalysis(early, new AnalysisResult("tempo", "1", Map.of("bpm", 90.0)));
        catalog.markMissing(early, ADDED.plusSeconds(10));
        catalog.markMissing(late, ADDED.plusSeconds(1000));

        List<Long> purged = catalog.purgeMissing(ADDED.plusSeconds(500));

        assertEquals(List.of(early), purged);
        assertTrue(catalog.get(early).isEmpty());
        assertEquals(ADDED.plusSeconds(1000), catalog.get(late).orElseThrow().missingSince());
        assertTrue(catalog.get(present).isPresent());
    }

    @Test
    void anUpdateRefreshesTheFileAndBringsAMissingTrackBack() {
        long id = catalog.add(file("/music/a.mp3", "fp-old"), metadata("mp3"), ADDED).id();
        catalog.markMissing(id, ADDED);

        CatalogTrack updated = catalog.update(id, file("/music/a.mp3", "fp-new"), metadata("mp3"));

        assertEquals("fp-new", updated.track().file().fastFingerprint());
        assertNull(updated.missingSince());
        assertThrows(CatalogException.class, () -> catalog.update(999, file("/x.mp3", "f"), metadata("mp3")));
    }

    @Test
    void duplicatesAreTracksWithTheSameContent() {
        long a = catalog.add(file("/music/a.flac", "x"), metadata("flac"), ADDED).id();
        long b = catalog.add(file("/music/copy of a.flac", "x"), metadata("flac"), ADDED).id();
        long c = catalog.add(file("/music/c.flac", "y"), metadata("flac"), ADDED).id();
        catalog.setSha256(a, "a".repeat(64));
        catalog.setSha256(b, "a".repeat(64));
        catalog.setSha256(c, "c".repeat(64));

        assertEquals(List.of(List.of(a, b)), catalog.duplicates());
        assertEquals(1, catalog.stats().duplicateGroups());
    }

    @Test
    void problemsAreRecordedReplacedAndCleared() {
        Path broken = Path.of("/music/broken/truncated.mp3");
        catalog.recordProblem(new Problem(broken, "truncated", ADDED));
        catalog.recordProblem(new Problem(broken, "truncated: no complete frame", ADDED.plusSeconds(60)));
        catalog.recordProblem(new Problem(Path.of("/music/a.txt.mp3"), "not an audio file", ADDED));

        assertEquals(List.of(new Problem(Path.of("/music/a.txt.mp3"), "not an audio file", ADDED),
                new Problem(broken, "truncated: no complete frame", ADDED.plusSeconds(60))), catalog.problems());

        catalog.clearProblem(broken);
        assertEquals(1, catalog.problems().size());
    }

    @Test
    void statisticsCountFormatsDurationsAndMissingTracks() {
        catalog.add(file("/music/a.flac", "1"), metadata("flac"), ADDED);
        catalog.add(file("/music/b.flac", "2"), metadata("flac"), ADDED);
        long mp3 = catalog.add(file("/music/c.mp3", "3"), metadata("mp3"), ADDED).id();
        catalog.markMissing(mp3, ADDED);
        catalog.recordProblem(new Problem(Path.of("/music/bad.mp3"), "empty file (0 bytes)", ADDED));

        LibraryStats stats = catalog.stats();

        assertEquals(3, stats.tracks());
        assertEquals(1, stats.missing());
        assertEquals(Map.of("flac", 2L, "mp3", 1L), stats.tracksByFormat());
        assertEquals(3 * 60.0, stats.totalDurationSeconds(), 1e-9);
        assertEquals(3 * 1000L, stats.totalSizeBytes());
        assertEquals(1, stats.problems());
        assertEquals(0, stats.tracksWithWarnings());
    }

    @Test
    void tracksReadInPartAreListedWithTheirWarnings() {
        TrackMetadata partial = new TrackMetadata("mp3", Tags.NONE,
                new AudioProperties("mp3", 9.0, 128, 44_100, 0, 2, false), ReplayGain.NONE, false,
                List.of("the ID3v2 tag is corrupt; tags ignored", "truncated: the last frame is incomplete"));
        catalog.add(file("/music/fine.mp3", "a"), metadata("mp3"), ADDED);
        long broken = catalog.add(file("/music/broken.mp3", "b"), partial, ADDED).id();

        List<CatalogTrack> withWarnings = catalog.tracksWithWarnings();

        assertEquals(List.of(broken), withWarnings.stream().map(CatalogTrack::id).toList());
        assertEquals(partial.warnings(), withWarnings.get(0).metadata().warnings());
        assertEquals(1, catalog.stats().tracksWithWarnings());
    }

    @Test
    void forEachWalksEveryTrackInIdOrderWithItsOwnAnalyses() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(catalog.add(file("/music/" + i + ".mp3", "f" + i), metadata("mp3"), ADDED).id());
        }
        catalog.saveAnalysis(ids.get(1), new AnalysisResult("tempo", "1", Map.of("bpm", 101.0)));
        catalog.saveAnalysis(ids.get(3), new AnalysisResult("tempo", "1", Map.of("bpm", 103.0)));
        List<CatalogTrack> walked = new ArrayList<>();

        catalog.forEach(walked::add);

        assertEquals(ids, walked.stream().map(CatalogTrack::id).toList());
        assertEquals(List.of(), walked.get(0).track().analyses());
        assertEquals(101.0, walked.get(1).track().analyses().get(0).values().get("bpm"));
        assertEquals(103.0, walked.get(3).track().analyses().get(0).values().get("bpm"));
        assertEquals(List.of(), walked.get(4).track().analyses());
    }
}
