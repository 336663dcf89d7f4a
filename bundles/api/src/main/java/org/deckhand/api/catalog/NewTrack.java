package org.deckhand.api.catalog;

import java.util.Objects;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.TrackMetadata;

/**
 * A file about to enter the library as a new track.
 *
 * @param file the file, whose path no track holds yet
 * @param metadata what its tags say
 */
public record NewTrack(AudioFile file, TrackMetadata metadata) {

    /**
     * @throws NullPointerException if either argument is null
     */
    public NewTrack {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(metadata, "metadata");
    }
}
