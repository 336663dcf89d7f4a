package org.deckhand.api.tracklist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A mix's tracklist, as a source gave it.
 *
 * @param title the mix's title, such as {@code Bicep - The Warehouse Project, Rotterdam 2023-04-28}; {@code null}
 *     when the source gives none (pasted text)
 * @param djs the DJs who play it, in the source's order; empty when unknown
 * @param date the day the mix was played or broadcast, {@code null} when unknown
 * @param genres the genres the source gives the mix, empty when none
 * @param source the {@link TracklistSource#id() id} of the source that gave it: {@code 1001tracklists},
 *     {@code mixesdb}, {@code text}, {@code cue}, or a plugin's
 * @param address the page it came from, {@code null} for pasted text
 * @param fetched when the page was fetched from the site (the time it entered the cache, for a page served from
 *     it), or when the text was parsed
 * @param entries its rows, by position
 */
public record Tracklist(String title, List<String> djs, LocalDate date, List<String> genres, String source,
        String address, Instant fetched, List<TracklistEntry> entries) {

    /**
     * @throws NullPointerException if {@code source}, {@code fetched} or {@code entries} is null
     */
    public Tracklist {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fetched, "fetched");
        djs = djs == null ? List.of() : List.copyOf(djs);
        genres = genres == null ? List.of() : List.copyOf(genres);
        entries = List.copyOf(entries);
    }
}
