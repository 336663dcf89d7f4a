package org.deckhand.api.catalog;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The library arranged as a record shop arranges it: by artist, album, genre and year, counted from the catalog's
 * tracks whose files are there (missing ones are left out). Names are grouped as the tags spell them; unknown ones
 * (no tag) are left out. A service; thread-safe; every method is one transaction and throws
 * {@link CatalogException} when the database fails.
 *
 * @since 1.5
 */
@ProviderType
public interface Shelves {

    /**
     * One artist, genre or year and how many tracks it has.
     *
     * @param name the artist, the genre or the year as digits
     * @param trackCount how many tracks
     */
    record Shelf(String name, int trackCount) {
    }

    /**
     * An album.
     *
     * @param album its title
     * @param artist its album artist, else the artist of its first track
     * @param year its earliest year of release, or null when no track tells one
     * @param trackCount how many tracks
     * @param artworkTrackId the track of lowest id whose tags hold a picture, the one whose artwork shows the album;
     *     null when none does
     */
    record Album(String album, String artist, Integer year, int trackCount, Long artworkTrackId) {
    }

    /**
     * A page of shelves and how many there are in all.
     *
     * @param items the page, in order
     * @param total how many there are across all pages
     * @param <T> a {@link Shelf} or an {@link Album}
     */
    record Page<T>(List<T> items, int total) {

        /** Copies the list. */
        public Page {
            items = List.copyOf(items);
        }
    }

    /**
     * @param offset how many to skip, 0 or more
     * @param limit the largest page, 1 to 1000
     * @return the artists (album artist where the tags name one, else the track's first artist), by name
     *     (case-insensitive)
     */
    Page<Shelf> artists(int offset, int limit);

    /**
     * @param artist only this artist's albums (as {@link #artists} names them), or null for every album
     * @param offset how many to skip, 0 or more
     * @param limit the largest page, 1 to 1000
     * @return the albums, by title (case-insensitive), then artist
     */
    Page<Album> albums(String artist, int offset, int limit);

    /**
     * @param offset how many to skip, 0 or more
     * @param limit the largest page, 1 to 1000
     * @return the genres, by name (case-insensitive)
     */
    Page<Shelf> genres(int offset, int limit);

    /**
     * @param offset how many to skip, 0 or more
     * @param limit the largest page, 1 to 1000
     * @return the years of release, newest first
     */
    Page<Shelf> years(int offset, int limit);

    /**
     * @param album an album's title
     * @param artist its artist as {@link #albums} names it
     * @return its tracks' ids, in disc, then track number, then id order
     */
    List<Long> albumTracks(String album, String artist);

    /**
     * Copies of one recording: tracks of nearly the same duration whose decoded audio has nearly the same fingerprint,
     * as the {@code fingerprint} analyser stores it in its field {@code audio}, whatever their format or file; and
     * files with identical content (the same SHA-256), before that analyser has run on them. Missing tracks are left
     * out of the first.
     *
     * @return groups of two or more tracks' ids, each group in id order, groups by their first id
     */
    List<List<Long>> recordingCopies();
}
