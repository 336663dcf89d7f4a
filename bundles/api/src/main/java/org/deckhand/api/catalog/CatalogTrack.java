package org.deckhand.api.catalog;

import java.time.Instant;
import java.util.Objects;
import org.deckhand.api.library.Track;
import org.deckhand.api.library.TrackMetadata;

/**
 * A track as the catalog keeps it.
 *
 * @param track the track: id, file, tags, duration and analysis results
 * @param metadata what the tag reader found in its file, warnings included
 * @param added when it entered the library
 * @param missingSince when its file was last found gone, or {@code null} while the file is there
 * @param revision how many times the catalog has changed the track since it entered (its file, tags or analysis);
 *     what {@link Catalog#markIndexed} is given once the search index holds this state of the track
 */
public record CatalogTrack(Track track, TrackMetadata metadata, Instant added, Instant missingSince, long revision) {

    /**
     * A track at revision 0, as it is when it enters the catalog.
     *
     * @param track the track
     * @param metadata what the tag reader found
     * @param added when it entered the library
     * @param missingSince when its file was last found gone, or {@code null}
     * @throws NullPointerException if {@code track}, {@code metadata} or {@code added} is null
     */
    public CatalogTrack(Track track, TrackMetadata metadata, Instant added, Instant missingSince) {
        this(track, metadata, added, missingSince, 0);
    }

    /**
     * @throws NullPointerException if {@code track}, {@code metadata} or {@code added} is null
     */
    public CatalogTrack {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(added, "added");
    }

    /**
     * @return the track's catalog id
     */
    public long id() {
        return track.id();
    }
}
