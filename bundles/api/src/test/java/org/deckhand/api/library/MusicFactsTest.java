package org.deckhand.api.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.music.BeatGrid;
import org.deckhand.api.music.CamelotKey;
import org.junit.jupiter.api.Test;

class MusicFactsTest {

    private static Track track(Double bpm, String key, List<AnalysisResult> analyses) {
        Tags tags = new Tags("Title", List.of("Artist"), null, null, null, null, null, null, null, null, null, bpm,
                key);
        return new Track(7, new AudioFile(Path.of("/music/a.flac"), 1, Instant.EPOCH, "flac", null, null), tags, 300,
                analyses);
    }

    @Test
    void theAnalysersResultsWinOverTheTags() {
        List<AnalysisResult> analyses = List.of(
                new AnalysisResult("tempo", "1", Map.of("bpm", 124.0, "confidence", 0.8, "alternativeBpm", 62.0)),
                new AnalysisResult("beatgrid", "1", Map.of("firstDownbeatSeconds", 0.4, "beatPeriodSeconds",
                        60.0 / 124, "bpm", 124.0, "confidence", 0.9, "variableTempo", false, "introEndSeconds", 31.4,
                        "outroStartSeconds", 250.2)),
                new AnalysisResult("key", "1", Map.of("camelot", "8A", "key", "A minor")),
                new AnalysisResult("energy", "1", Map.of("energy", 7L)),
                new AnalysisResult("loudness", "1", Map.of("replayGainDb", -7.5, "replayGainPeak", 0.98)));
        MusicFacts facts = MusicFacts.of(track(120.0, "Cm", analyses), new ReplayGain(-3.0, 1.0, -2.0, 1.0));
        assertEquals(124.0, facts.bpm());
        assertEquals(0.8, facts.tempoConfidence());
        assertEquals(new CamelotKey(8, true), facts.key());
        assertEquals(7.0, facts.energy());
        assertEquals(new BeatGrid(0.4, 60.0 / 124, 0.9, false, 31.4, 250.2), facts.grid());
        assertEquals(new ReplayGain(-7.5, 0.98, null, null), facts.replayGain());
        assertEquals(120.0, facts.taggedBpm(), "what write-back compares the analysis with");
        assertEquals(CamelotKey.parse("Cm").orElseThrow(), facts.taggedKey());
    }

    @Test
    void beforeAnalysisTheTagsGiveTempoKeyAndReplayGainButNoConfidenceGridOrEnergy() {
        MusicFacts facts = MusicFacts.of(track(120.0, "Cm", List.of()), new ReplayGain(-3.0, 1.0, -2.0, 1.0));
        assertEquals(120.0, facts.bpm());
        assertNull(facts.analysedBpm());
        assertEquals(0, facts.tempoConfidence(), "a tagged tempo is never beat-matched on");
        assertEquals(CamelotKey.parse("Cm").orElseThrow(), facts.key());
        assertNull(facts.analysedKey());
        assertNull(facts.energy());
        assertNull(facts.grid());
        assertEquals(new ReplayGain(-3.0, 1.0, null, null), facts.replayGain());
    }

    @Test
    void aTagKeyIsReadAsACamelotCodeOrAKeyNameAndATagOfNoTempoOrNoKeyIsNone() {
        assertEquals(new CamelotKey(8, true), MusicFacts.of(track(null, " 8a ", List.of()), ReplayGain.NONE).key());
        assertEquals(new CamelotKey(8, true), MusicFacts.of(track(null, "Am", List.of()), ReplayGain.NONE).key());
        MusicFacts nonsense = MusicFacts.of(track(0.0, "not a key", List.of()), ReplayGain.NONE);
        assertNull(nonsense.key());
        assertNull(nonsense.bpm());
    }

    @Test
    void aGridWithoutCuesKeepsThemUnknownAndAGridWithoutAPeriodIsNone() {
        BeatGrid grid = MusicFacts.of(track(null, null, List.of(new AnalysisResult("beatgrid", "1", Map.of(
                "firstDownbeatSeconds", 0.0, "beatPeriodSeconds", 0.5, "confidence", 0.4, "variableTempo", true)))),
                ReplayGain.NONE).grid();
        assertTrue(grid.variableTempo());
        assertTrue(Double.isNaN(grid.introEndSeconds()) && Double.isNaN(grid.outroStartSeconds()));
        assertNull(MusicFacts.of(track(null, null, List.of(new AnalysisResult("beatgrid", "1", Map.of(
                "firstDownbeatSeconds", 0.0, "beatPeriodSeconds", 0.0)))), ReplayGain.NONE).grid());
    }
}
