package org.deckhand.subsonic.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.api.library.MusicFacts;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.library.Tags;

/**
 * The library as the Subsonic API browses it, read from the catalog at one moment: songs by id, albums grouped by
 * album artist and title, artists, genres. Immutable, so every request reads one consistent view. Tracks whose files
 * are missing are left out. About 400 bytes a song: 40 MB for 100,000 tracks.
 */
final class LibrarySnapshot {

    /** The album title of songs without one. */
    static final String UNKNOWN_ALBUM = "[Unknown Album]";
    /** The artist of songs without one. */
    static final String UNKNOWN_ARTIST = "[Unknown Artist]";

    private static final Comparator<Song> ALBUM_ORDER = Comparator
            .comparing((Song s) -> s.disc() == null ? 0 : s.disc())
            .thenComparing(s -> s.track() == null ? Integer.MAX_VALUE : s.track())
            .thenComparing(Song::title, String.CASE_INSENSITIVE_ORDER)
            .thenComparingLong(Song::trackId);

    private final List<Song> songs;
    private final Map<Long, Song> songsById;
    private final Map<String, Album> albumsById;
    private final List<Album> albums;
    private final Map<String, Artist> artistsById;
    private final List<Artist> artists;
    private final Map<String, List<Song>> songsByGenre;

    private LibrarySnapshot(List<Song> songs, List<Album> albums, List<Artist> artists) {
        this.songs = List.copyOf(songs);
        this.albums = List.copyOf(albums);
        this.artists = List.copyOf(artists);
        this.songsById = new HashMap<>();
        songs.forEach(song -> songsById.put(song.trackId(), song));
        this.albumsById = new HashMap<>();
        albums.forEach(album -> albumsById.put(album.id(), album));
        this.artistsById = new HashMap<>();
        artists.forEach(artist -> artistsById.put(artist.id(), artist));
        Map<String, List<Song>> byGenre = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        songs.stream().filter(song -> song.genre() != null)
                .forEach(song -> byGenre.computeIfAbsent(song.genre(), g -> new ArrayList<>()).add(song));
        this.songsByGenre = byGenre;
    }

    /**
     * @param tracks the catalog's tracks, in id order
     * @return the snapshot of them
     */
    static LibrarySnapshot of(Iterable<CatalogTrack> tracks) {
        Builder builder = new Builder();
        tracks.forEach(builder::add);
        return builder.build();
    }

    /** Gathers the songs one track at a time, so that the catalog's tracks are never all in memory at once. */
    static final class Builder {

        private final Map<String, List<Song>> songsByAlbum = new LinkedHashMap<>();
        private final Map<String, String[]> albumNames = new HashMap<>();
        private final List<Song> songs = new ArrayList<>();

        /** @param track the next track, in id order */
        void add(CatalogTrack track) {
            if (track.missingSince() != null) {
                return;
            }
            Tags tags = track.track().tags();
            String albumName = blankToNull(tags.album()) == null ? UNKNOWN_ALBUM : tags.album().strip();
            String albumArtist = Optional.ofNullable(blankToNull(tags.albumArtist()))
                    .or(() -> tags.artists().stream().findFirst()).map(String::strip).orElse(UNKNOWN_ARTIST);
            String artistId = "ar-" + digest(albumArtist.toLowerCase(Locale.ROOT));
            String albumId = "al-" + digest(albumArtist.toLowerCase(Locale.ROOT) + "\u0000"
                    + albumName.toLowerCase(Locale.ROOT));
            albumNames.putIfAbsent(albumId, new String[] {albumName, albumArtist, artistId});
            Song song = song(track, albumName, albumId, artistId);
            songs.add(song);
            songsByAlbum.computeIfAbsent(albumId, id -> new ArrayList<>()).add(song);
        }

        /** @return the snapshot of the tracks added */
        LibrarySnapshot build() {
            return LibrarySnapshot.build(songs, songsByAlbum, albumNames);
        }
    }

    private static LibrarySnapshot build(List<Song> songs, Map<String, List<Song>> songsByAlbum,
            Map<String, String[]> albumNames) {
        List<Album> albums = new ArrayList<>();
        Map<String, List<Album>> albumsByArtist = new LinkedHashMap<>();
        for (Map.Entry<String, List<Song>> entry : songsByAlbum.entrySet()) {
            List<Song> albumSongs = new ArrayList<>(entry.getValue());
            albumSongs.sort(ALBUM_ORDER);
            String[] names = albumNames.get(entry.getKey());
            Album album = new Album(entry.getKey(), names[0], names[1], names[2], List.copyOf(albumSongs),
                    albumSongs.stream().map(Song::year).filter(y -> y != null).findFirst().orElse(null),
                    albumSongs.stream().map(Song::genre).filter(g -> g != null).findFirst().orElse(null),
                    albumSongs.stream().map(Song::added).min(Comparator.naturalOrder()).orElseThrow(),
                    albumSongs.stream().filter(Song::hasArtwork).map(Song::id).findFirst().orElse(null));
            albums.add(album);
            albumsByArtist.computeIfAbsent(names[2], id -> new ArrayList<>()).add(album);
        }
        albums.sort(Comparator.comparing(Album::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Album::id));
        List<Artist> artists = new ArrayList<>();
        for (Map.Entry<String, List<Album>> entry : albumsByArtist.entrySet()) {
            List<Album> own = new ArrayList<>(entry.getValue());
            own.sort(Comparator.comparing((Album a) -> a.year() == null ? 0 : a.year())
                    .thenComparing(Album::name, String.CASE_INSENSITIVE_ORDER));
            artists.add(new Artist(entry.getKey(), own.get(0).artist(), List.copyOf(own)));
        }
        artists.sort(Comparator.comparing((Artist a) -> sortName(a.name())).thenComparing(Artist::id));
        return new LibrarySnapshot(songs, albums, artists);
    }

    /** @return every song, in catalog id order: the stable order of the empty-query sync */
    List<Song> songs() {
        return songs;
    }

    /** @return every album by title */
    List<Album> albums() {
        return albums;
    }

    /** @return every artist by name, leading articles ignored */
    List<Artist> artists() {
        return artists;
    }

    /** @return the songs of each genre, genres in alphabetical order */
    Map<String, List<Song>> songsByGenre() {
        return songsByGenre;
    }

    Optional<Song> song(long trackId) {
        return Optional.ofNullable(songsById.get(trackId));
    }

    Optional<Album> album(String id) {
        return Optional.ofNullable(albumsById.get(id));
    }

    Optional<Artist> artist(String id) {
        return Optional.ofNullable(artistsById.get(id));
    }

    /**
     * @param name an artist's name
     * @return the name to sort and index it by: upper case, without a leading "The "
     */
    static String sortName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith("THE ") && upper.length() > 4 ? upper.substring(4) : upper;
    }

    private static Song song(CatalogTrack catalogTrack, String albumName, String albumId, String artistId) {
        Tags tags = catalogTrack.track().tags();
        AudioProperties audio = catalogTrack.metadata().audio();
        MusicFacts facts = MusicFacts.of(catalogTrack.track(), catalogTrack.metadata().replayGain());
        ReplayGain tagged = catalogTrack.metadata().replayGain();
        double duration = catalogTrack.track().durationSeconds();
        String fileName = catalogTrack.track().file().path().getFileName().toString();
        String title = Optional.ofNullable(blankToNull(tags.title())).orElse(fileName);
        String artist = tags.artists().isEmpty() ? UNKNOWN_ARTIST : String.join(" / ", tags.artists());
        return new Song(catalogTrack.id(), catalogTrack.track().file().path(), title, artist, albumName, albumId,
                artistId, tags.trackNumber(), tags.discNumber(), tags.year(), blankToNull(tags.genre()),
                catalogTrack.track().file().sizeBytes(), catalogTrack.track().file().format(),
                Double.isFinite(duration) ? (int) Math.round(duration) : 0, audio.bitrateKbps(),
                audio.bitsPerSample(), audio.sampleRateHz(), audio.channels(), facts.bpm(), facts.key(),
                facts.replayGain().trackGainDb(), facts.replayGain().trackPeak(),
                tagged.albumGainDb(), tagged.albumPeak(), catalogTrack.metadata().hasArtwork(), catalogTrack.added());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
