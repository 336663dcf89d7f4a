package org.deckhand.writeback.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.Track;
import org.deckhand.api.library.TrackMetadata;
import org.junit.jupiter.api.Test;

/** What the write-back writes into a file, from its tags, its analysis and the settings. */
class TagUpdateTest {

    @Test
    void missingTagsAreFilledInFromTheAnalysis() {
        CatalogTrack track = track(null, null, 123.64, "8A");

        assertEquals(Optional.of(new TagUpdate(123.6, "Am")), TagUpdate.of(track, KeyNotation.MUSICAL, false));
        assertEquals(Optional.of(new TagUpdate(123.6, "8A")), TagUpdate.of(track, KeyNotation.CAMELOT, false));
        assertEquals(Optional.of(new TagUpdate(123.6, "1m")), TagUpdate.of(track, KeyNotation.OPEN_KEY, false));
    }

    @Test
    void existingTagsAreKeptUnlessTheyMayBeOverwritten() {
        CatalogTrack track = track(98.0, "C", 123.6, "8A");

        assertEquals(Optional.empty(), TagUpdate.of(track, KeyNotation.MUSICAL, false));
        assertEquals(Optional.of(new TagUpdate(123.6, "Am")), TagUpdate.of(track, KeyNotation.MUSICAL, true));
    }

    @Test
    void tagsThatAgreeWithTheAnalysisAreNotWrittenAgain() {
        assertEquals(Optional.empty(), TagUpdate.of(track(124.0, "Am", 123.6, "8A"), KeyNotation.MUSICAL, true),
                "ID3 holds 124 for 123.6 BPM");
        assertEquals(Optional.of(new TagUpdate(Double.NaN, "8A")),
                TagUpdate.of(track(124.0, "Am", 123.6, "8A"), KeyNotation.CAMELOT, true));
    }

    @Test
    void aTrackWithoutKeyGetsItsTempoOnlyAndOneNotAnalysedGetsNothing() {
        assertEquals(Optional.of(new TagUpdate(140.0, null)),
                TagUpdate.of(track(null, null, 140.0, null), KeyNotation.MUSICAL, false));
        assertEquals(Optional.empty(), TagUpdate.of(track(null, null, null, null), KeyNotation.MUSICAL, true));
    }

    private static CatalogTrack track(Double tagBpm, String tagKey, Double bpm, String camelot) {
        Tags tags = new Tags("Title", List.of("Artist"), null, null, null, null, null, null, null, null, null, tagBpm,
                tagKey);
        List<AnalysisResult> analyses = new ArrayList<>();
        if (bpm != null) {
            analyses.add(new AnalysisResult("tempo", "1", Map.of("bpm", bpm, "confidence", 0.9)));
        }
        if (camelot != null) {
            analyses.add(new AnalysisResult("key", "1-edma", Map.of("camelot", camelot, "key", "A minor")));
        }
        AudioFile file = new AudioFile(Path.of("/music/track.mp3"), 1000, Instant.EPOCH, "mp3", "f", null);
        TrackMetadata metadata = new TrackMetadata("mp3", tags,
                new AudioProperties("mp3", 300, 320, 44100, 0, 2, false), ReplayGain.NONE, false, List.of());
        return new CatalogTrack(new Track(1, file, tags, 300, analyses), metadata, Instant.EPOCH, null);
    }
}
