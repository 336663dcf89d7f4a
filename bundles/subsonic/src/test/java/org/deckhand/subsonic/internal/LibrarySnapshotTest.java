package org.deckhand.subsonic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.Track;
import org.deckhand.api.library.TrackMetadata;
import org.junit.jupiter.api.Test;

class LibrarySnapshotTest {

    private static final Instant ADDED = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void albumsGroupByAlbumArtistAndTitleInTrackOrderAndMissingFilesAreLeftOut() {
        List<CatalogTrack> tracks = List.of(
                track(1, "Two", "Daft Punk", "Discovery", null, 2, null, null, false),
                track(2, "One", "Daft Punk", "discovery", null, 1, null, null, false),
                track(3, "Guest", "Romanthony", "Discovery", "Daft Punk", 3, null, null, false),
                track(4, "Gone", "Daft Punk", "Discovery", null, 4, null, null, true),
                track(5, "Loose", "The Chemical Brothers", null, null, null, null, null, false));
        LibrarySnapshot library = LibrarySnapshot.of(tracks);
        assertEquals(4, library.songs().size());
        Album discovery = library.album(library.song(1).orElseThrow().albumId()).orElseThrow();
        assertEquals(List.of("One", "Two", "Guest"), discovery.songs().stream().map(Song::title).toList());
        assertEquals(LibrarySnapshot.UNKNOWN_ALBUM, library.song(5).orElseThrow().album());
        assertEquals(List.of("The Chemical Brothers", "Daft Punk"),
                library.artists().stream().map(Artist::name).toList(), "sorted without the leading article");
        assertEquals(discovery.id(), LibrarySnapshot.of(tracks).song(2).orElseThrow().albumId(),
                "ids stay the same across rebuilds");
    }

    @Test
    void theAnalysisGivesTempoKeyAndGainBeforeTheTags() {
        LibrarySnapshot library = LibrarySnapshot.of(List.of(
                track(1, "Tagged", "A", "X", null, 1, 120.0, "Am", false),
                analysed(track(2, "Analysed", "A", "X", null, 2, 100.0, "C", false), 124.2, "8A", -6.5)));
        Song tagged = library.song(1).orElseThrow();
        assertEquals(120.0, tagged.bpm());
        assertEquals("8A", tagged.key().code());
        Song analysed = library.song(2).orElseThrow();
        assertEquals(124.2, analysed.bpm());
        assertEquals("8A", analysed.key().code());
        assertEquals(-6.5, analysed.trackGainDb());
    }

    @Test
    void similarSongsAreCamelotNeighboursWithinTheTempoWindowTheSameKeyFirstAndDoubleTimeLast() {
        List<CatalogTrack> tracks = new ArrayList<>(List.of(
                track(1, "Seed", "A", "X", null, 1, 124.0, "8A", false),
                track(2, "Same key, 125", "B", "Y", null, 1, 125.0, "8A", false),
                track(3, "Next on the wheel, 122", "C", "Y", null, 2, 122.0, "9A", false),
                track(4, "Relative, double time", "D", "Y", null, 3, 248.0, "8B", false),
                track(5, "Clash", "E", "Y", null, 4, 124.0, "3B", false),
                track(6, "Too fast", "F", "Y", null, 5, 140.0, "8A", false),
                track(7, "No key", "G", "Y", null, 6, 124.0, null, false)));
        LibrarySnapshot library = LibrarySnapshot.of(tracks);
        List<Song> similar = SimilarEndpoints.compatible(library.songs(), library.song(1).orElseThrow(), 10);
        assertEquals(List.of(2L, 3L, 4L), similar.stream().map(Song::trackId).toList(),
                "the same key, then one step on the wheel, then the relative key at double time");
        assertTrue(SimilarEndpoints.compatible(library.songs(), library.song(7).orElseThrow(), 10).isEmpty());
    }

    @Test
    void searchWordsDropQuotesAndWildcardsAndTheEmptyQueryMatchesAll() {
        assertEquals(List.of(), ListEndpoints.words(null));
        assertEquals(List.of(), ListEndpoints.words("\"\""));
        assertEquals(List.of("daft", "punk"), ListEndpoints.words(" \"Daft Punk*\" "));
    }

    private static CatalogTrack track(long id, String title, String artist, String album, String albumArtist,
            Integer number, Double bpm, String key, boolean missing) {
        Tags tags = new Tags(title, List.of(artist), album, albumArtist, number, 1, 2001, "House", null, null, null,
                bpm, key);
        AudioFile file = new AudioFile(Path.of("/music/" + id + ".flac"), 1000, ADDED, "flac", null, null);
        TrackMetadata metadata = new TrackMetadata("flac", tags, new AudioProperties("flac", 300, 900, 44_100, 16,
                2, true), ReplayGain.NONE, false, List.of());
        return new CatalogTrack(new Track(id, file, tags, 300, List.of()), metadata, ADDED, missing ? ADDED : null);
    }

    private static CatalogTrack analysed(CatalogTrack track, double bpm, String camelot, double gainDb) {
        List<AnalysisResult> results = List.of(new AnalysisResult("tempo", "1", Map.of("bpm", bpm)),
                new AnalysisResult("key", "1", Map.of("camelot", camelot)),
                new AnalysisResult("loudness", "1", Map.of("replayGainDb", gainDb, "replayGainPeak", 0.9)));
        Track t = track.track();
        return new CatalogTrack(new Track(t.id(), t.file(), t.tags(), t.durationSeconds(), results),
                track.metadata(), track.added(), null);
    }
}
