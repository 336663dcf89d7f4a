package org.deckhand.search.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.deckhand.api.search.IndexedTrack;

/** Twenty tracks with known fields, and the fixed clock their ages are measured from. */
final class Fixture {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String ZCR = "example.zcr.zeroCrossingRate";
    static final String MOOD = "example.mood.label";

    static final List<IndexedTrack> TRACKS = List.of(
            track(1, List.of("Björk"), "Army of Me", "Post", "One Little Indian", "Electronic", 1995, 96.0, "4A",
                    7.0, 235, "flac", days(400), Map.of(ZCR, 0.12, MOOD, "dark")),
            track(2, List.of("Daft Punk"), "Around the World", "Homework", "Virgin", "House", 1997, 121.3, "8A",
                    8.0, 429, "mp3", days(60), Map.of(ZCR, 0.30)),
            track(3, List.of("Daft Punk"), "Da Funk", "Homework", "Virgin", "House", 1995, 111.0, "7A", 6.0, 330,
                    "flac", days(3), Map.of()),
            track(4, List.of("Bjorklund"), "Cold Room", "Frost", "Kompakt", "Techno", 2004, 128.0, "9A", 9.0, 480,
                    "wav", days(1), Map.of(ZCR, 0.45, MOOD, "Dark driving")),
            track(5, List.of("Sigur Rós"), "Hoppípolla", "Takk", "EMI", "Post-Rock", 2005, 80.0, "8B", 4.0, 270,
                    "flac", days(10), Map.of()),
            track(6, List.of("Jeff Mills"), "The Bells", "Waveform Transmission", "Purpose Maker", "Techno", 1996,
                    136.0, "12A", 10.0, 300, "mp3", days(100), Map.of(ZCR, 0.50)),
            track(7, List.of("Robert Hood"), "Minus", "Minimal Nation", "Axis", "Techno", 1994, 124.4, "1A", 8.0,
                    380, "flac", Duration.ofHours(5), Map.of()),
            track(8, List.of("Moodymann"), "Shades of Jae", "Silentintroduction", "Planet E", "House", 1997, 123.6,
                    "5B", 5.0, 420, "aiff", days(35), Map.of(MOOD, "warm")),
            track(9, List.of("Carl Craig"), "At Les", "More Songs About Food", "Planet E", "Detroit Techno", 1997,
                    125.0, "11A", 6.0, 520, "flac", days(8), Map.of()),
            track(10, List.of("Aphex Twin"), "Windowlicker", "Windowlicker", "Warp", "Electronic", 1999, 130.0,
                    "6A", 7.0, 367, "mp3", days(200), Map.of()),
            track(11, List.of("Röyksopp"), "Eple", "Melody A.M.", "Wall of Sound", "Downtempo", 2001, 98.0, "8A",
                    3.0, 222, "flac", days(20), Map.of()),
            track(12, List.of("Burial"), "Archangel", "Untrue", "Hyperdub", "Dubstep", 2007, 139.0, "3A", 5.0, 238,
                    "mp3", days(6), Map.of()),
            track(13, List.of("Daft Punk", "Romanthony"), "One More Time", "Discovery", "Virgin", "House", 2000,
                    122.7, "10B", 8.0, 320, "flac", days(45), Map.of()),
            track(14, List.of("Kraftwerk"), "Tour de France", "Tour de France Soundtracks", "EMI", "Electronic",
                    2003, 123.0, "3B", 6.0, 290, "flac", days(500), Map.of()),
            track(15, List.of("Ricardo Villalobos"), "Dexter", "Alcachofa", "Playhouse", "Minimal", 2003, 125.5,
                    "2A", 5.0, 600, "wav", days(15), Map.of()),
            track(16, List.of("Laurent Garnier"), "The Man with the Red Face", "Unreasonable Behaviour",
                    "F Communications", "Jazz House", 2000, 127.0, "8A", 7.0, 540, "flac", Duration.ofHours(12),
                    Map.of()),
            track(17, List.of("DJ Koze"), "Pick Up", "Knock Knock", "Pampa", "House", 2018, 118.0, "5A", 6.0, 360,
                    "mp3", days(25), Map.of()),
            track(18, List.of("Four Tet"), "Two Thousand and Seventeen", "New Energy", "Text", "Downtempo", 2017,
                    null, null, null, 272, "flac", days(2), Map.of()),
            track(19, List.of("Floorplan"), "Never Grow Old", "Victorious", "M-Plant", "Gospel House", 2016, 124.0,
                    "9B", 9.0, 345, "flac", days(90), Map.of()),
            track(20, List.of("Jon Hopkins"), "Emerald Rush", "Singularity", "Domino", "Electronica", 2018, 123.9,
                    "7B", 7.0, 380, "mp3", days(30), Map.of()));

    private Fixture() {
    }

    static IndexedTrack track(long id, List<String> artists, String title, String album, String label, String genre,
            Integer year, Double bpm, String key, Double energy, double durationSeconds, String format, Duration age,
            Map<String, Object> extra) {
        return new IndexedTrack(id, artists, title, album, label, genre, year, bpm, key, energy, durationSeconds,
                format, NOW.minus(age), extra);
    }

    private static Duration days(long days) {
        return Duration.ofDays(days);
    }
}
