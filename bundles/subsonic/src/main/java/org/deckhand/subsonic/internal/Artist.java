package org.deckhand.subsonic.internal;

import java.util.List;

/**
 * An artist as the Subsonic API shows it: an album artist, with their albums.
 *
 * @param id its id, {@code ar-} and a digest of its name, stable across rescans
 * @param name the name
 * @param albums the albums by year then title
 */
record Artist(String id, String name, List<Album> albums) {

    /** @return the id of a picture for the artist: the cover of their first album that has one, or null */
    String coverArt() {
        return albums.stream().filter(album -> album.coverSongId() != null).map(Album::id).findFirst().orElse(null);
    }
}
