package org.deckhand.subsonic.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.deckhand.api.library.Lyrics;
import org.deckhand.api.library.TagReader;
import org.deckhand.api.library.UnreadableAudioException;

/**
 * The lyrics endpoints, read from each song's LRC file or tags ({@link TagReader#readLyrics}) when asked:
 * {@code getLyricsBySongId} (the OpenSubsonic {@code songLyrics} extension: a {@code lyricsList} of
 * {@code structuredLyrics}, synced lines with their {@code start} in milliseconds) and Subsonic's
 * {@code getLyrics} (by artist and title, the text with one line per line).
 */
final class LyricsEndpoints {

    /** The extension announced for {@code getLyricsBySongId}. */
    static final String SONG_LYRICS = "songLyrics";

    private final TagReader tags;

    private LyricsEndpoints(TagReader tags) {
        this.tags = tags;
    }

    /**
     * @param endpoints the map to add them to, by name
     * @param tags reads the lyrics
     */
    static void register(Map<String, Endpoint> endpoints, TagReader tags) {
        LyricsEndpoints lyrics = new LyricsEndpoints(tags);
        endpoints.put("getLyricsBySongId", lyrics::bySongId);
        endpoints.put("getLyrics", lyrics::byArtistAndTitle);
    }

    private void bySongId(Endpoint.Call call, Element answer) throws SubsonicException {
        Song song = call.song("id");
        Element list = answer.childExtension("lyricsList").emptyListExtension("structuredLyrics");
        Optional<Lyrics> found = read(song);
        if (found.isEmpty()) {
            return;
        }
        Lyrics lyrics = found.get();
        Element structured = list.addExtension("structuredLyrics").extension("displayArtist", song.artist())
                .extension("displayTitle", song.title()).extension("lang", lyrics.language())
                .extension("synced", lyrics.synced())
                .extension("offset", lyrics.offsetMillis() == 0 ? null : lyrics.offsetMillis())
                .emptyListExtension("line");
        for (Lyrics.Line line : lyrics.lines()) {
            structured.addExtension("line").extension("start", line.startMillis()).extension("value", line.text());
        }
    }

    private void byArtistAndTitle(Endpoint.Call call, Element answer) throws SubsonicException {
        String artist = call.params().get("artist");
        String title = call.params().get("title");
        Element element = answer.child("lyrics");
        Optional<Song> song = call.library().songs().stream()
                .filter(candidate -> matches(artist, candidate.artist()) && matches(title, candidate.title()))
                .findFirst();
        if (song.isEmpty() || (artist == null && title == null)) {
            return;
        }
        Optional<Lyrics> lyrics = read(song.get());
        if (lyrics.isPresent()) {
            element.attr("artist", song.get().artist()).attr("title", song.get().title())
                    .text(String.join("\n", lyrics.get().lines().stream().map(Lyrics.Line::text).toList()));
        }
    }

    private static boolean matches(String asked, String value) {
        return asked == null || (value != null && value.toLowerCase(Locale.ROOT).equals(asked.strip()
                .toLowerCase(Locale.ROOT)));
    }

    private Optional<Lyrics> read(Song song) throws SubsonicException {
        try {
            return tags.readLyrics(song.path());
        } catch (UnreadableAudioException e) {
            throw new SubsonicException(SubsonicException.GENERIC, "The lyrics of song " + song.id()
                    + " cannot be read: " + e.getMessage());
        }
    }
}
