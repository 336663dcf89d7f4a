package org.deckhand.subsonic.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.deckhand.api.catalog.Annotations.Annotation;

/**
 * Builds the elements of Subsonic answers from the library's songs, albums and artists: the {@code Child},
 * {@code AlbumID3} and {@code ArtistID3} types of {@code subsonic-rest-api-1.16.1.xsd}, with the OpenSubsonic fields
 * and Deckhand's {@code deckhandKey} (see docs/subsonic.md) in JSON.
 */
final class Answers {

    /** The Subsonic API version Deckhand speaks. */
    static final String API_VERSION = "1.16.1";
    /** The server's name in the envelope's {@code type}. */
    static final String SERVER_TYPE = "deckhand";

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("mp3", "audio/mpeg"), Map.entry("flac", "audio/flac"), Map.entry("wav", "audio/wav"),
            Map.entry("aiff", "audio/aiff"), Map.entry("ogg", "audio/ogg"), Map.entry("opus", "audio/ogg"),
            Map.entry("m4a", "audio/mp4"), Map.entry("wma", "audio/x-ms-wma"), Map.entry("ape", "audio/x-ape"),
            Map.entry("wv", "audio/x-wavpack"), Map.entry("dsf", "audio/x-dsf"));

    private Answers() {
    }

    /**
     * @param serverVersion Deckhand's version
     * @return an empty successful answer, the {@code subsonic-response} envelope
     */
    static Element ok(String serverVersion) {
        return envelope("ok", serverVersion);
    }

    /**
     * @param serverVersion Deckhand's version
     * @param code the Subsonic error code
     * @param message what went wrong
     * @return a failed answer
     */
    static Element failed(String serverVersion, int code, String message) {
        Element root = envelope("failed", serverVersion);
        root.child("error").attr("code", code).attr("message", message);
        return root;
    }

    private static Element envelope(String status, String serverVersion) {
        return new Element("subsonic-response").attr("status", status).attr("version", API_VERSION)
                .extension("type", SERVER_TYPE).extension("serverVersion", serverVersion)
                .extension("openSubsonic", true);
    }

    /**
     * @param file a file's format, such as {@code flac}
     * @return its media type, such as {@code audio/flac}
     */
    static String contentType(String file) {
        return CONTENT_TYPES.getOrDefault(file.toLowerCase(Locale.ROOT), "application/octet-stream");
    }

    /**
     * Fills in a song.
     *
     * @param element an element of type {@code Child}: {@code song}, {@code entry} or {@code child}
     * @param song the song
     * @param annotation the owner's star, rating and plays of it
     * @return the element
     */
    static Element song(Element element, Song song, Annotation annotation) {
        element.attr("id", song.id()).attr("parent", song.albumId()).attr("isDir", false)
                .attr("title", song.title()).attr("album", song.album()).attr("artist", song.artist())
                .attr("track", song.track()).attr("year", song.year()).attr("genre", song.genre())
                .attr("coverArt", song.hasArtwork() ? song.id() : null).attr("size", song.sizeBytes())
                .attr("contentType", contentType(song.suffix())).attr("suffix", song.suffix())
                .attr("duration", song.durationSeconds()).attr("bitRate", positive(song.bitRateKbps()))
                .attr("isVideo", false).attr("userRating", rating(annotation))
                .attr("playCount", annotation.playCount()).attr("discNumber", song.disc())
                .attr("created", timestamp(song.added())).attr("starred", timestamp(annotation.starred()))
                .attr("albumId", song.albumId()).attr("artistId", song.artistId()).attr("type", "music");
        element.extension("bitDepth", positive(song.bitDepth()))
                .extension("samplingRate", positive(song.sampleRateHz()))
                .extension("channelCount", positive(song.channels()))
                .extension("bpm", song.bpm() == null ? null : (int) Math.round(song.bpm()))
                .extension("mediaType", "song").extension("played", timestamp(annotation.lastPlayed()));
        element.emptyListExtension("genres");
        if (song.genre() != null) {
            element.addExtension("genres").extension("name", song.genre());
        }
        if (song.trackGainDb() != null || song.albumGainDb() != null) {
            element.childExtension("replayGain").extension("trackGain", song.trackGainDb())
                    .extension("trackPeak", song.trackPeak()).extension("albumGain", song.albumGainDb())
                    .extension("albumPeak", song.albumPeak()).extension("baseGain", 0.0);
        }
        if (song.key() != null) {
            element.childExtension("deckhandKey").extension("name", song.key().name())
                    .extension("camelot", song.key().code()).extension("openKey", song.key().openKeyCode());
        }
        return element;
    }

    /**
     * Fills in an album, without its songs.
     *
     * @param element an element of type {@code AlbumID3}
     * @param album the album
     * @param annotation the owner's star, rating and plays of it
     * @return the element
     */
    static Element album(Element element, Album album, Annotation annotation) {
        element.attr("id", album.id()).attr("name", album.name()).attr("artist", album.artist())
                .attr("artistId", album.artistId()).attr("coverArt", album.coverSongId() == null ? null : album.id())
                .attr("songCount", album.songs().size()).attr("duration", album.durationSeconds())
                .attr("playCount", annotation.playCount()).attr("created", timestamp(album.created()))
                .attr("starred", timestamp(annotation.starred())).attr("year", album.year())
                .attr("genre", album.genre());
        element.extension("played", timestamp(annotation.lastPlayed())).extension("userRating", rating(annotation))
                .extension("sortName", album.name().toLowerCase(Locale.ROOT));
        element.emptyListExtension("genres");
        if (album.genre() != null) {
            element.addExtension("genres").extension("name", album.genre());
        }
        return element;
    }

    /**
     * Fills in an artist, without their albums.
     *
     * @param element an element of type {@code ArtistID3}
     * @param artist the artist
     * @param annotation the owner's star of them
     * @return the element
     */
    static Element artist(Element element, Artist artist, Annotation annotation) {
        return element.attr("id", artist.id()).attr("name", artist.name()).attr("coverArt", artist.coverArt())
                .attr("albumCount", artist.albums().size())
                .attr("starred", timestamp(annotation.starred())).extension("userRating", rating(annotation))
                .extension("sortName", LibrarySnapshot.sortName(artist.name()).toLowerCase(Locale.ROOT));
    }

    /**
     * @param instant a moment, or null
     * @return it as {@code xs:dateTime} in UTC to the millisecond, or null
     */
    static String timestamp(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static Integer rating(Annotation annotation) {
        return annotation.rating() > 0 ? annotation.rating() : null;
    }

    private static Integer positive(int value) {
        return value > 0 ? value : null;
    }
}
