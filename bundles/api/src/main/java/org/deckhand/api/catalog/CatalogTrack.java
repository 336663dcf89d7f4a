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
 */
public record CatalogTrack(Track track, TrackMetadata metadata, Instant added, Instant missingSince) {

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
