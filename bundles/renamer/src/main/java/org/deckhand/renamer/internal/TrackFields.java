package org.deckhand.renamer.internal;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.api.library.MusicFacts;
import org.deckhand.api.library.Tags;
import org.deckhand.api.music.CamelotKey;

/**
 * One track's template fields. Tags: {@code title artist albumartist album track tracktotal disc disctotal year genre
 * label isrc comp} ({@code comp} is {@code True} or {@code False}, as beets writes a flag); analysis:
 * {@code bpm} (rounded), {@code key} ({@code Am}), {@code camelot} ({@code 08A}, padded so that names sort around the wheel), {@code openkey} ({@code 1m}),
 * {@code energy} (1 to 10, rounded), each from the analysers, else from the tags; file facts: {@code format}
 * ({@code FLAC}, upper case as in beets), {@code ext}, {@code bitrate} (kbps), {@code samplerate} (Hz),
 * {@code bitdepth}, {@code channels}, {@code length} ({@code m:ss}), {@code filename} (the current name without its
 * extension); {@code added} ({@code yyyy-MM-dd}, UTC). As in beets, {@code track}, {@code tracktotal}, {@code disc}
 * and {@code disctotal} are padded to two digits, {@code albumartist} falls back to {@code artist}, and a missing artist or album renders as
 * {@code Unknown Artist} or {@code Unknown Album}.
 */
final class TrackFields implements TemplateFields {

    /** Every field name. */
    static final Set<String> NAMES = Set.of("title", "artist", "albumartist", "album", "track", "tracktotal", "disc",
            "disctotal", "year", "genre", "label", "comp", "isrc", "bpm", "key", "camelot", "openkey", "energy",
            "format", "ext", "bitrate", "samplerate", "bitdepth", "channels", "length", "filename", "added");

    static final String UNKNOWN_ARTIST = "Unknown Artist";
    static final String UNKNOWN_ALBUM = "Unknown Album";

    private final Map<String, String> values;
    private final AlbumIndex albums;
    private final String albumKey;

    private TrackFields(Map<String, String> values, AlbumIndex albums, String albumKey) {
        this.values = values;
        this.albums = albums;
        this.albumKey = albumKey;
    }

    /**
     * @param track a catalog track
     * @param albums the albums of the library, for {@code %aunique}
     * @return its fields
     */
    static TrackFields of(CatalogTrack track, AlbumIndex albums) {
        Map<String, String> values = new HashMap<>();
        Tags tags = track.track().tags();
        String artist = tags.artists().isEmpty() ? null : String.join(", ", tags.artists());
        put(values, "title", tags.title());
        put(values, "artist", artist);
        put(values, "albumartist", tags.albumArtist() != null && !tags.albumArtist().isBlank() ? tags.albumArtist()
                : artist);
        put(values, "album", tags.album());
        put(values, "track", padded(tags.trackNumber()));
        put(values, "disc", padded(tags.discNumber()));
        put(values, "tracktotal", padded(tags.trackTotal()));
        put(values, "disctotal", padded(tags.discTotal()));
        put(values, "comp", tags.compilation() == null ? null : tags.compilation() ? "True" : "False");
        put(values, "year", tags.year() == null ? null : String.format(Locale.ROOT, "%04d", tags.year()));
        put(values, "genre", tags.genre());
        put(values, "label", tags.label());
        put(values, "isrc", tags.isrc());
        MusicFacts facts = MusicFacts.of(track.track(), track.metadata().replayGain());
        put(values, "bpm", facts.bpm() == null ? null : Long.toString(Math.round(facts.bpm())));
        CamelotKey key = facts.key();
        if (key != null) {
            values.put("key", key.shortName());
            values.put("camelot", String.format(Locale.ROOT, "%02d%s", key.number(), key.minor() ? "A" : "B"));
            values.put("openkey", key.openKeyCode());
        }
        if (facts.energy() != null) {
            values.put("energy", Long.toString(Math.round(facts.energy())));
        }
        AudioFile file = track.track().file();
        AudioProperties audio = track.metadata().audio();
        String name = file.path().getFileName().toString();
        int dot = name.lastIndexOf('.');
        values.put("format", file.format().toUpperCase(Locale.ROOT));
        put(values, "ext", dot > 0 ? name.substring(dot + 1) : null);
        put(values, "filename", dot > 0 ? name.substring(0, dot) : name);
        put(values, "bitrate", positive(audio.bitrateKbps()));
        put(values, "samplerate", positive(audio.sampleRateHz()));
        put(values, "bitdepth", positive(audio.bitsPerSample()));
        put(values, "channels", positive(audio.channels()));
        double seconds = track.track().durationSeconds();
        if (!Double.isNaN(seconds) && seconds > 0) {
            long whole = Math.round(seconds);
            values.put("length", String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60));
        }
        values.put("added", track.added().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        return new TrackFields(values, albums, albumKey(file.path(), values));
    }

    /**
     * @param path a track's file
     * @param values its field values
     * @return the key of its album: its folder, album artist and album; {@code null} for a track with no album
     */
    static String albumKey(Path path, Map<String, String> values) {
        String album = values.get("album");
        if (album == null) {
            return null;
        }
        Path folder = path.getParent();
        return folder + "\u0000" + values.getOrDefault("albumartist", "") + "\u0000" + album;
    }

    /**
     * @return the field values the track has, by name, without the defaults
     */
    Map<String, String> values() {
        return values;
    }

    /**
     * @return the key of the track's album, or {@code null}
     */
    String albumKey() {
        return albumKey;
    }

    @Override
    public String value(String name) {
        String value = values.get(name);
        if (value != null) {
            return value;
        }
        if (name.equals("artist") || name.equals("albumartist")) {
            return UNKNOWN_ARTIST;
        }
        if (name.equals("album")) {
            return UNKNOWN_ALBUM;
        }
        return NAMES.contains(name) ? "" : null;
    }

    @Override
    public boolean defined(String name) {
        return values.containsKey(name);
    }

    @Override
    public String albumUnique(String identifiers, String disambiguators, String brackets) {
        return albumKey == null ? "" : albums.disambiguation(albumKey, identifiers, disambiguators, brackets);
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value.strip());
        }
    }

    private static String padded(Integer number) {
        return number == null ? null : String.format(Locale.ROOT, "%02d", number);
    }

    private static String positive(int number) {
        return number > 0 ? Integer.toString(number) : null;
    }
}
