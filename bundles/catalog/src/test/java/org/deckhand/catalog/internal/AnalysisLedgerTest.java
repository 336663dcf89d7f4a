package org.deckhand.catalog.internal;

import static org.deckhand.catalog.internal.TestTracks.file;
import static org.deckhand.catalog.internal.TestTracks.metadata;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.catalog.AnalyserRun;
import org.deckhand.api.catalog.AnalysisFailure;
import org.deckhand.api.catalog.AnalysisOutcome;
import org.deckhand.api.catalog.AnalysisPriority;
import org.deckhand.api.catalog.CatalogException;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.catalog.QueuedTrack;
import org.deckhand.testing.database.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisLedgerTest {

    private static final Instant ADDED = Instant.parse("2026-11-22T10:00:00Z");
    private static final String SHA256 = "0123456789abcdef".repeat(4);

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
    void theQueueServesTheHighestPriorityFirstThenTheNewestAndSurvivesARestart() throws SQLException, IOException {
        long old = add("/music/old.flac");
        long first = add("/music/first.flac");
        long second = add("/music/second.flac");
        long wanted = add("/music/wanted.flac");

        catalog.request(List.of(old), AnalysisPriority.BACKFILL, false);
        catalog.request(List.of(first), AnalysisPriority.NEW_FILE, false);
        catalog.request(List.of(second), AnalysisPriority.NEW_FILE, false);
        catalog.request(List.of(wanted), AnalysisPriority.USER, false);
        catalog.request(List.of(old, 999L), AnalysisPriority.BACKFILL, false);
        catalog.close();
        catalog = new DerbyCatalog(folder, TestDatabases.engine());

        assertEquals(List.of(wanted, second, first, old), queued(10));
        assertEquals(4, catalog.size());
        catalog.request(List.of(old), AnalysisPriority.USER, false);
        assertEquals(old, queued(1).get(0), "a user's request raises a queued track's priority");
        catalog.remove(old);
        assertEquals(List.of(wanted, second, first), queued(10));
    }

    @Test
    void resultsRecordASuccessfulRunAndReadBack() throws SQLException {
        long id = add("/music/a.flac");

        catalog.saveAnalysis(id, new AnalysisResult("tempo", "3", Map.of("bpm", 126.0, "confidence", 0.9)));
        catalog.saveAnalysis(id, new AnalysisResult("key", "1", Map.of("key", "A minor", "camelot", "8A")));

        List<AnalyserRun> runs = catalog.runs(id);
        assertEquals(List.of("key", "tempo"), runs.stream().map(AnalyserRun::analyserId).toList());
        assertTrue(runs.stream().allMatch(AnalyserRun::succeeded));
        CatalogTrack track = catalog.get(id).orElseThrow();
        assertEquals(Map.of("bpm", 126.0, "confidence", 0.9), values(track, "tempo"));
        assertEquals(Map.of("key", "A minor", "camelot", "8A"), values(track, "key"));
    }

    @Test
    void aRunsResultsFailuresAndDigestAreStoredTogether() throws SQLException {
        long id = add("/music/a.flac");
        catalog.saveAnalysis(id, new AnalysisResult("energy", "1", Map.of("energy", 7L)));

        List<AnalysisOutcome.Failure> failed = catalog.record(id, new AnalysisOutcome(List.of(
                new AnalysisResult("tempo", "3", Map.of("bpm", 126.0)),
                new AnalysisResult("key", "1", Map.of("key", "A minor", "camelot", "8A"))),
                List.of(new AnalysisOutcome.Failure("energy", "2", "the track is silent")), SHA256));

        assertEquals(List.of(new AnalysisOutcome.Failure("energy", "2", "the track is silent")), failed);
        CatalogTrack track = catalog.get(id).orElseThrow();
        assertEquals(SHA256, track.track().file().sha256());
        assertEquals(Map.of("bpm", 126.0), values(track, "tempo"));
        assertEquals("8A", values(track, "key").get("camelot"));
        assertTrue(track.track().analyses().stream().noneMatch(r -> r.analyserId().equals("energy")),
                "the failed analyser's earlier result is gone");
        assertEquals(List.of("energy 2 the track is silent", "key 1 null", "tempo 3 null"), catalog.runs(id).stream()
                .map(run -> run.analyserId() + " " + run.analyserVersion() + " " + run.failure()).toList());
    }

    @Test
    void aResultTheDatabaseRefusesFailsItsAnalyserAloneAndTheRestIsStored() throws SQLException {
        long id = add("/music/a.flac");

        List<AnalysisOutcome.Failure> failed = catalog.record(id, new AnalysisOutcome(List.of(
                new AnalysisResult("example.words", "1", Map.of("text", "word ".repeat(2_000))),
                new AnalysisResult("tempo", "3", Map.of("bpm", 126.0))), List.of(), SHA256));

        assertEquals(1, failed.size());
        assertEquals("example.words", failed.get(0).analyserId());
        assertTrue(failed.get(0).reason().startsWith("its result could not be stored: "), failed.get(0).reason());
        CatalogTrack track = catalog.get(id).orElseThrow();
        assertEquals(List.of("tempo"), track.track().analyses().stream().map(AnalysisResult::analyserId).toList());
        assertEquals(SHA256, track.track().file().sha256());
        assertEquals(failed.get(0).reason(), catalog.runs(id).get(0).failure());
    }

    @Test
    void aRunTheDatabaseCannotStoreLeavesNothingOfIt() {
        long id = add("/music/a.flac");
        AnalysisOutcome outcome = new AnalysisOutcome(List.of(new AnalysisResult("tempo", "3", Map.of("bpm", 126.0))),
                List.of(new AnalysisOutcome.Failure("key", "1", "no key")), SHA256 + "0");

        assertThrows(CatalogException.class, () -> catalog.record(id, outcome), "a digest longer than its column");

        CatalogTrack track = catalog.get(id).orElseThrow();
        assertTrue(track.track().analyses().isEmpty());
        assertNull(track.track().file().sha256());
        assertTrue(catalog.runs(id).isEmpty());
    }

    @Test
    void aRunOfATrackThatIsGoneStoresNothing() {
        long id = add("/music/a.flac");
        catalog.markMissing(id, ADDED);
        catalog.purgeMissing(ADDED.plusSeconds(1));

        assertEquals(List.of(), catalog.record(id, new AnalysisOutcome(List.of(
                new AnalysisResult("tempo", "3", Map.of("bpm", 126.0))), List.of(), SHA256)));
        assertTrue(catalog.runs(id).isEmpty());
    }

    @Test
    void aFailureReplacesTheAnalysersEarlierResults() throws SQLException {
        long id = add("/music/a.flac");
        catalog.saveAnalysis(id, new AnalysisResult("tempo", "3", Map.of("bpm", 126.0)));

        catalog.recordFailure(id, "tempo", "4", "the track is silent");

        assertTrue(catalog.get(id).orElseThrow().track().analyses().isEmpty());
        List<AnalysisFailure> failures = catalog.failures(10);
        assertEquals(1, failures.size());
        assertEquals(Path.of("/music/a.flac"), failures.get(0).path());
        assertEquals("the track is silent", failures.get(0).run().failure());
        assertEquals("4", failures.get(0).run().analyserVersion());
    }

    @Test
    void backfillQueuesExactlyTheTracksAnAnalyserVersionHasNotSeen() {
        long seen = add("/music/seen.flac");
        long unseen = add("/music/unseen.flac");
        long gone = add("/music/gone.flac");
        catalog.markMissing(gone, ADDED);
        catalog.saveAnalysis(seen, new AnalysisResult("example.zcr", "1", Map.of("zeroCrossingRate", 1200.0)));

        assertEquals(1, catalog.requestUnanalysed("example.zcr", "1"));
        assertEquals(List.of(unseen), queued(10));
        assertEquals(0, catalog.requestUnanalysed("example.zcr", "1"), "already queued");
        assertEquals(1, catalog.requestUnanalysed("example.zcr", "2"), "a new version runs over every track again");
        assertEquals(List.of(seen, unseen), queued(10).stream().sorted().toList());
    }

    @Test
    void forgettingRunsMakesEveryAnalyserRunAgainButKeepsTheResultsUntilReplaced() {
        long id = add("/music/a.flac");
        catalog.saveAnalysis(id, new AnalysisResult("tempo", "3", Map.of("bpm", 126.0)));

        catalog.request(List.of(id), AnalysisPriority.NEW_FILE, true);

        assertTrue(catalog.runs(id).isEmpty());
        assertEquals(1, catalog.get(id).orElseThrow().track().analyses().size());
    }

    @Test
    void arraysAndBytesAreStoredButLeftOutOfTheWalkOverEveryTrack() {
        long id = add("/music/a.flac");
        float[] curve = {0.25f, 0.5f, 1f};
        byte[] peaks = {-128, 0, 127};
        catalog.saveAnalysis(id, new AnalysisResult("waveform", "1", Map.of("peaks", peaks, "points", 3L)));
        catalog.saveAnalysis(id, new AnalysisResult("energy", "1", Map.of("curve", curve, "energy", 7L)));

        Map<String, Object> energy = values(catalog.get(id).orElseThrow(), "energy");
        assertArrayEquals(curve, (float[]) energy.get("curve"));
        assertArrayEquals(peaks, (byte[]) values(catalog.get(id).orElseThrow(), "waveform").get("peaks"));
        List<CatalogTrack> walked = new ArrayList<>();
        catalog.forEach(walked::add);
        assertEquals(Map.of("energy", 7L), values(walked.get(0), "energy"));
        assertEquals(Map.of("points", 3L), values(walked.get(0), "waveform"));
        assertFalse(values(walked.get(0), "energy").containsKey("curve"));
    }

    @Test
    void deletingATrackTakesItOffTheQueue() {
        long id = add("/music/a.flac");
        catalog.request(List.of(id), AnalysisPriority.NEW_FILE, false);
        catalog.markMissing(id, ADDED);

        catalog.purgeMissing(ADDED.plusSeconds(1));

        assertEquals(0, catalog.size());
        assertNull(catalog.get(id).orElse(null));
    }

    @Test
    void aTrackWhoseAttemptOutlivedTheServerIsFailedAtTheNextStartAndNotQueuedAgainUntilAskedFor()
            throws SQLException, IOException {
        long crashed = add("/music/crashed.flac");
        long finished = add("/music/finished.flac");
        catalog.request(List.of(crashed, finished), AnalysisPriority.NEW_FILE, false);
        catalog.saveAnalysis(crashed, new AnalysisResult("tempo", "2", Map.of("bpm", 120.0, "confidence", 0.5)));
        catalog.beginAttempt(finished, Map.of("tempo", "3"));
        catalog.endAttempt(finished);
        catalog.beginAttempt(crashed, Map.of("tempo", "3", "key", "1"));
        catalog.close();
        catalog = new DerbyCatalog(folder, TestDatabases.engine());

        assertEquals(List.of(crashed), catalog.quarantineInterrupted("analysis stopped the server last time"));

        assertEquals(List.of(finished), queued(10), "the quarantined track is off the queue");
        assertEquals(List.of(new AnalyserRun("key", "1", "analysis stopped the server last time", Instant.EPOCH),
                new AnalyserRun("tempo", "3", "analysis stopped the server last time", Instant.EPOCH)),
                catalog.runs(crashed).stream().map(run -> new AnalyserRun(run.analyserId(), run.analyserVersion(),
                        run.failure(), Instant.EPOCH)).toList());
        assertTrue(catalog.get(crashed).orElseThrow().track().analyses().isEmpty(), "its old tempo is deleted");
        assertEquals(List.of(), catalog.quarantineInterrupted("again"), "quarantined once");
        assertEquals(0, catalog.requestUnanalysed("plugin.new", "1"), "a new analyser leaves the quarantined out");
        assertEquals(List.of(finished), queued(10));

        catalog.request(List.of(crashed), AnalysisPriority.USER, true);

        assertEquals(List.of(crashed, finished), queued(10), "the user's request is served first");
        assertEquals(List.of(), catalog.runs(crashed));
        catalog.remove(crashed);
        assertEquals(1, catalog.requestUnanalysed("plugin.other", "1"), "no longer quarantined");
        assertEquals(List.of(finished, crashed), queued(10));
    }

    private List<Long> queued(int limit) {
        return catalog.head(limit).stream().map(QueuedTrack::trackId).toList();
    }

    private long add(String path) {
        return catalog.add(file(path, path), metadata("flac"), ADDED).id();
    }

    private static Map<String, Object> values(CatalogTrack track, String analyserId) {
        return track.track().analyses().stream().filter(r -> r.analyserId().equals(analyserId)).findFirst()
                .orElseThrow().values();
    }

}
