package org.deckhand.subsonic.internal;

import java.time.Instant;
import java.util.List;

/**
 * An album as the Subsonic API shows it: the songs that share an album title and album artist.
 *
 * @param id its id, {@code al-} and a digest of its artist and title, stable across rescans
 * @param name its title
 * @param artist its album artist
 * @param artistId that artist's id
 * @param songs its songs by disc, track and title
 * @param year the year of its first song that has one, or null
 * @param genre the genre of its first song that has one, or null
 * @param created when its first song entered the library
 * @param coverSongId the id of a song whose tags hold a picture, or null
 */
record Album(String id, String name, String artist, String artistId, List<Song> songs, Integer year, String genre,
        Instant created, String coverSongId) {

    /** @return its playing time in seconds */
    int durationSeconds() {
        return songs.stream().mapToInt(Song::durationSeconds).sum();
    }
}
