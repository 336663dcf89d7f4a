package org.deckhand.mixer.internal.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.api.library.MusicFacts;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.Track;
import org.deckhand.api.library.TrackMetadata;
import org.deckhand.api.music.CamelotKey;
import org.junit.jupiter.api.Test;

class TrackFactsReaderTest {

    private static CatalogTrack track(Tags tags, ReplayGain tagged, List<AnalysisResult> analyses) {
        return track(tags, tagged, analyses, "/music/a.flac");
    }

    private static CatalogTrack track(Tags tags, ReplayGain tagged, List<AnalysisResult> analyses, String path) {
        AudioFile file = new AudioFile(Path.of(path), 1, Instant.EPOCH, "flac", null, null);
        TrackMetadata metadata = new TrackMetadata("flac", tags,
                new AudioProperties("flac", 300, 900, 44_100, 16, 2, true), tagged, false, List.of());
        return new CatalogTrack(new Track(7, file, tags, 300, analyses), metadata, Instant.EPOCH, null);
    }

    private static Tags tags(Double bpm, String key) {
        return new Tags("Title", List.of("Artist"), null, null, null, null, null, null, null, null, null, bpm, key);
    }

    @Test
    void theMixerTakesTheTracksMusicFactsWithItsTagsAndDuration() {
        List<AnalysisResult> analyses = List.of(
                new AnalysisResult("tempo", "1", Map.of("bpm", 124.0, "confidence", 0.8)),
                new AnalysisResult("beatgrid", "1", Map.of("firstDownbeatSeconds", 0.4, "beatPeriodSeconds", 0.5)),
                new AnalysisResult("energy", "1", Map.of("energy", 7L)));
        CatalogTrack track = track(tags(120.0, "Cm"), new ReplayGain(-3.0, 1.0, null, null), analyses);
        MusicFacts music = MusicFacts.of(track.track(), track.metadata().replayGain());
        TrackFacts facts = TrackFactsReader.of(track);
        assertEquals(List.of(124.0, 0.8, 7.0), List.of(facts.bpm(), facts.tempoConfidence(), facts.energy()));
        assertEquals(music.key(), facts.key());
        assertEquals(music.grid(), facts.grid());
        assertEquals(music.replayGain(), facts.replayGain());
        assertEquals(List.of("Artist"), facts.artists());
        assertEquals(300, facts.durationSeconds());
    }

    @Test
    void beforeAnalysisTheTagsGiveTempoKeyAndReplayGainButNoConfidenceAndNoGrid() {
        TrackFacts facts = TrackFactsReader.of(track(tags(120.0, "Cm"), new ReplayGain(-3.0, 1.0, -2.0, 1.0),
                List.of()));
        assertEquals(120.0, facts.bpm());
        assertEquals(0, facts.tempoConfidence());
        assertEquals(CamelotKey.parse("Cm").orElseThrow(), facts.key());
        assertNull(facts.energy());
        assertNull(facts.grid());
        assertEquals(new ReplayGain(-3.0, 1.0, null, null), facts.replayGain());
        assertEquals("Artist - Title", facts.displayName());
    }

    @Test
    void anUntaggedTrackIsNamedByItsFileWithoutTheExtension() {
        Tags untagged = new Tags(null, List.of(), null, null, null, null, null, null, null, null, null, null, null);
        TrackFacts facts = TrackFactsReader.of(track(untagged, ReplayGain.NONE, List.of(),
                "/music/rips/B2 - Dub.Plate.v2.flac"));
        assertEquals("B2 - Dub.Plate.v2", facts.displayName());
        assertEquals("B2 - Dub.Plate.v2", facts.displayTitle());
        assertNull(facts.displayArtist());
        Tags titleOnly = new Tags("Track 20", List.of(), null, null, null, null, null, null, null, null, null, null,
                null);
        assertEquals("20 Untitled", TrackFactsReader.of(track(titleOnly, ReplayGain.NONE, List.of(),
                "/music/20 Untitled.wav")).displayName());
    }
}
