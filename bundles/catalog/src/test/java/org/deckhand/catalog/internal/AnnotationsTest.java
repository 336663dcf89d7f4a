package org.deckhand.catalog.internal;

import static org.deckhand.catalog.internal.TestTracks.file;
import static org.deckhand.catalog.internal.TestTracks.metadata;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.deckhand.api.catalog.Annotations;
import org.deckhand.api.catalog.CatalogException;
import org.deckhand.api.catalog.NewTrack;
import org.deckhand.testing.database.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationsTest {

    private static final Instant MORNING = Instant.parse("2026-12-07T08:00:00Z");
    private static final Instant EVENING = Instant.parse("2026-12-07T20:00:00Z");

    @TempDir
    Path folder;

    private DerbyCatalog catalog;
    private List<Long> tracks;

    @BeforeEach
    void open() throws SQLException, IOException {
        catalog = new DerbyCatalog(folder, TestDatabases.engine());
        tracks = catalog.addAll(List.of(new NewTrack(file("/music/1.flac", "a"), metadata("flac")),
                new NewTrack(file("/music/2.flac", "b"), metadata("flac")),
                new NewTrack(file("/music/3.flac", "c"), metadata("flac"))), MORNING);
    }

    @AfterEach
    void close() throws SQLException {
        catalog.close();
    }

    @Test
    void starsRatingsAndPlaysSurviveARestart() throws SQLException, IOException {
        catalog.star(List.of("tr-1", "al-x"), MORNING);
        catalog.star(List.of("tr-1"), EVENING);
        catalog.rate("tr-1", 4);
        catalog.played("tr-1", MORNING);
        catalog.played("tr-1", EVENING);
        catalog.unstar(List.of("al-x"));
        catalog.close();
        catalog = new DerbyCatalog(folder, TestDatabases.engine());
        Annotations.Annotation song = catalog.all().get("tr-1");
        assertEquals(new Annotations.Annotation(MORNING, 4, 2, EVENING), song);
        assertNull(catalog.all().get("al-x").starred());
        assertThrows(IllegalArgumentException.class, () -> catalog.rate("tr-1", 6));
    }

    @Test
    void playlistsKeepTheirOrderRepeatsAndLoseDeletedTracks() {
        Annotations.Playlist made = catalog.createPlaylist("Warm-up", "player:dj",
                List.of(tracks.get(2), tracks.get(0), tracks.get(2), 999_999L), MORNING);
        assertEquals(List.of(tracks.get(2), tracks.get(0), tracks.get(2)), made.trackIds());
        Annotations.Playlist renamed = catalog.updatePlaylist(new Annotations.Playlist(made.id(), "Peak time",
                "for Saturday", "someone else", true, List.of(tracks.get(1)), EVENING, EVENING), EVENING);
        assertEquals("Peak time", renamed.name());
        assertEquals("player:dj", renamed.owner());
        assertEquals(MORNING, renamed.created());
        assertEquals(EVENING, renamed.changed());
        assertTrue(renamed.isPublic());
        catalog.markMissing(tracks.get(1), MORNING);
        catalog.purgeMissing(EVENING);
        assertEquals(List.of(), catalog.playlist(made.id()).orElseThrow().trackIds());
        assertEquals(1, catalog.playlists().size());
        assertTrue(catalog.deletePlaylist(made.id()));
        assertFalse(catalog.deletePlaylist(made.id()));
        assertThrows(CatalogException.class, () -> catalog.updatePlaylist(renamed, EVENING));
    }

    @Test
    void thePlayQueueIsReplacedWholeAndAnEmptyOneClearsIt() {
        assertTrue(catalog.playQueue().isEmpty());
        catalog.savePlayQueue(new Annotations.PlayQueue(List.of(tracks.get(0), tracks.get(1)), tracks.get(1),
                61_000, EVENING, "Symfonium"));
        Annotations.PlayQueue queue = catalog.playQueue().orElseThrow();
        assertEquals(List.of(tracks.get(0), tracks.get(1)), queue.trackIds());
        assertEquals(tracks.get(1), queue.currentTrackId());
        assertEquals(61_000, queue.positionMillis());
        assertEquals("Symfonium", queue.changedBy());
        catalog.savePlayQueue(new Annotations.PlayQueue(List.of(), null, 0, EVENING, "Symfonium"));
        assertTrue(catalog.playQueue().isEmpty());
    }
}
