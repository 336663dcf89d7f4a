package org.deckhand.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.catalog.Crates.Crate;
import org.deckhand.api.catalog.Shelves.Album;
import org.deckhand.api.catalog.Shelves.Shelf;
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

class CratesAndShelvesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

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
    void aHandMadeCrateKeepsItsTracksInTheOrderAddedAcrossARestart() throws SQLException, IOException {
        long a = add("/m/a.flac", tags("A", "Artist", null, "Album", 1, 2001, "Techno"), false);
        long b = add("/m/b.flac", tags("B", "Artist", null, "Album", 2, 2001, "Techno"), false);
        long c = add("/m/c.flac", tags("C", "Other", null, null, null, null, null), false);
        Crate crate = catalog.createCrate("  Warm-up  ", null, NOW);

        catalog.addToCrate(crate.id(), List.of(c, a), NOW);
        catalog.addToCrate(crate.id(), List.of(a, b), NOW.plusSeconds(1));
        catalog.removeFromCrate(crate.id(), List.of(c), NOW.plusSeconds(2));
        catalog.close();
        catalog = new DerbyCatalog(folder, TestDatabases.engine());

        Crate read = catalog.crate(crate.id()).orElseThrow();
        assertEquals("Warm-up", read.name());
        assertFalse(read.smart());
        assertEquals(List.of(a, b), read.trackIds());
        assertEquals(NOW.plusSeconds(2), read.changed());
        assertEquals(List.of(read), catalog.crates());
    }

    @Test
    void aSmartCrateKeepsItsQueryAndRefusesTracksAddedByHand() {
        long a = add("/m/a.flac", tags("A", "Artist", null, null, null, null, null), false);
        Crate smart = catalog.createCrate("Peak time", "genre:techno bpm:128..134", NOW);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> catalog.addToCrate(smart.id(), List.of(a), NOW));
        assertTrue(refused.getMessage().contains("smart crate"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> catalog.updateCrate(smart.id(), "Peak", null, NOW));

        Crate renamed = catalog.updateCrate(smart.id(), "Peak", "genre:techno bpm:130..", NOW).orElseThrow();
        assertEquals("genre:techno bpm:130..", renamed.query());
        assertTrue(renamed.smart());
        assertEquals(List.of(), renamed.trackIds());
    }

    @Test
    void badNamesUnknownTracksAndUnknownCratesAreRefusedOrEmpty() {
        assertThrows(IllegalArgumentException.class, () -> catalog.createCrate(" ", null, NOW));
        assertThrows(IllegalArgumentException.class, () -> catalog.createCrate("x".repeat(257), null, NOW));
        assertThrows(IllegalArgumentException.class, () -> catalog.createCrate("Empty query", "  ", NOW));
        Crate crate = catalog.createCrate("Mine", null, NOW);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> catalog.addToCrate(crate.id(), List.of(999L), NOW));
        assertTrue(unknown.getMessage().contains("999"), unknown.getMessage());
        assertTrue(catalog.addToCrate(12345, List.of(), NOW).isEmpty());
        assertTrue(catalog.deleteCrate(crate.id()));
        assertFalse(catalog.deleteCrate(crate.id()));
        assertTrue(catalog.crate(crate.id()).isEmpty());
    }

    @Test
    void aTrackPurgedFromTheCatalogLeavesItsCrates() {
        long a = add("/m/a.flac", tags("A", "Artist", null, null, null, null, null), false);
        long b = add("/m/b.flac", tags("B", "Artist", null, null, null, null, null), false);
        Crate crate = catalog.createCrate("Mine", null, NOW);
        catalog.addToCrate(crate.id(), List.of(a, b), NOW);

        catalog.markMissing(a, NOW);
        catalog.purgeMissing(NOW.plusSeconds(1));

        assertEquals(List.of(b), catalog.crate(crate.id()).orElseThrow().trackIds());
    }

    @Test
    void albumsAreFiledUnderTheAlbumArtistElseTheFirstArtistWithCountsYearsAndArtwork() {
        long one = add("/m/1.flac", tags("One", "DJ A", "Various Artists", "Compilation", 1, 2019, "House"), false);
        long two = add("/m/2.flac", tags("Two", "DJ B", "Various Artists", "Compilation", 2, 2018, "Techno"), true);
        add("/m/3.flac", new Tags("Solo", List.of("Burial", "Four Tet"), "Moth", null, 1, null, 2009,
                "Dubstep", null, null, null, null, null), false);
        long missing = add("/m/4.flac", tags("Gone", "Burial", null, "Untrue", 1, 2007, "Dubstep"), false);
        catalog.markMissing(missing, NOW);
        add("/m/5.flac", tags("Loose", "burial", null, null, null, 2009, "dubstep"), false);

        assertEquals(List.of(new Album("Compilation", "Various Artists", 2018, 2, two),
                new Album("Moth", "Burial", 2009, 1, null)), catalog.albums(null, 0, 100).items());
        assertEquals(List.of(new Album("Moth", "Burial", 2009, 1, null)), catalog.albums("Burial", 0, 100).items());
        assertEquals(List.of(one, two), catalog.albumTracks("Compilation", "Various Artists"));
        assertEquals(List.of(new Shelf("Burial", 1), new Shelf("burial", 1), new Shelf("Various Artists", 2)),
                catalog.artists(0, 100).items());
        assertEquals(List.of(new Shelf("Dubstep", 1), new Shelf("dubstep", 1), new Shelf("House", 1),
                new Shelf("Techno", 1)), catalog.genres(0, 100).items());
        assertEquals(List.of(new Shelf("2019", 1), new Shelf("2018", 1), new Shelf("2009", 2)),
                catalog.years(0, 100).items());

        var page = catalog.artists(1, 1);
        assertEquals(List.of(new Shelf("burial", 1)), page.items());
        assertEquals(3, page.total());
    }

    @Test
    void copiesOfOneRecordingAreGroupedByTheirDecodedAudioFingerprintAndByIdenticalFiles() {
        Random random = new Random(16);
        int[] song = words(random);
        long wav = add("/m/song.wav", 60.0, fingerprint(song, 0, random));
        long mp3 = add("/m/song.mp3", 60.05, fingerprint(song, 0.10, random));
        long opus = add("/m/song.opus", 60.02, fingerprint(song, 0.12, random));
        add("/m/song-radio-edit.flac", 45.0, fingerprint(song, 0, random));
        long other = add("/m/other.flac", 60.01, fingerprint(words(random), 0, random));
        long same = add("/m/other-copy.flac", 200.0, null);
        catalog.setSha256(other, "a".repeat(64));
        catalog.setSha256(same, "a".repeat(64));

        assertEquals(List.of(List.of(wav, mp3, opus), List.of(other, same)), catalog.recordingCopies(),
                "a copy with a tenth of its bits flipped is one recording; the same start 15 s shorter is not, nor"
                        + " another song of the same length");
    }

    private long add(String path, double seconds, String fingerprint) {
        String format = path.substring(path.lastIndexOf('.') + 1);
        long id = catalog.add(TestTracks.file(path, path), new TrackMetadata(format, tags("Song", "A", null, null,
                null, null, null), new AudioProperties(format, seconds, 320, 44_100, 0, 2, false), ReplayGain.NONE,
                false, List.of()), NOW).id();
        if (fingerprint != null) {
            catalog.saveAnalysis(id, new AnalysisResult("fingerprint", "1", Map.of("audio", fingerprint)));
        }
        return id;
    }

    private static int[] words(Random random) {
        return random.ints(80).toArray();
    }

    /** The words in hex, with each bit flipped at the given rate, as a lossy encoding flips them. */
    private static String fingerprint(int[] words, double flipRate, Random random) {
        StringBuilder hex = new StringBuilder();
        for (int word : words) {
            for (int bit = 0; bit < 32; bit++) {
                if (random.nextDouble() < flipRate) {
                    word ^= 1 << bit;
                }
            }
            hex.append(HexFormat.of().toHexDigits(word));
        }
        return hex.toString();
    }

    private long add(String path, Tags tags, boolean artwork) {
        AudioFile file = TestTracks.file(path, path);
        String format = path.substring(path.lastIndexOf('.') + 1);
        return catalog.add(file, new TrackMetadata(format, tags, new AudioProperties(format, 60.0, 320, 44_100, 0, 2,
                false), ReplayGain.NONE, artwork, List.of()), NOW).id();
    }

    private static Tags tags(String title, String artist, String albumArtist, String album, Integer number,
            Integer year, String genre) {
        return new Tags(title, List.of(artist), album, albumArtist, number, null, year, genre, null, null, null, null,
                null);
    }
}
