package org.deckhand.api.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A track as the search index holds it: the fields queries and sorts use. Every field but {@code id},
 * {@code artists} and {@code extra} may be {@code null} when unknown.
 *
 * @param id the track's catalog id
 * @param artists its artists
 * @param title its title
 * @param album its album
 * @param label its record label
 * @param genre its genre
 * @param year its year of release
 * @param bpm its tempo in beats per minute
 * @param camelotKey its key as a Camelot code, {@code 1A} to {@code 12B}
 * @param energy its energy, 1 to 10
 * @param durationSeconds its playing time in seconds
 * @param format its file's format, such as {@code flac}
 * @param added when it entered the library
 * @param extra further searchable values by name, such as plugin results {@code example.zcr.zeroCrossingRate};
 *     values are {@link Number}s or {@link String}s
 */
public record IndexedTrack(long id, List<String> artists, String title, String album, String label, String genre,
        Integer year, Double bpm, String camelotKey, Double energy, Double durationSeconds, String format,
        Instant added, Map<String, Object> extra) {

    /** Copies the lists and maps; null ones become empty. */
    public IndexedTrack {
        artists = artists == null ? List.of() : List.copyOf(artists);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }
}
