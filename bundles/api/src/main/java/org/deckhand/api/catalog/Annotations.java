package org.deckhand.api.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the library's owner says about the music while listening, kept in the catalog: stars, ratings, plays,
 * playlists and the play queue that players resume from, as the Subsonic API's annotation, playlist and bookmark
 * endpoints need them. Items are named by keys their callers choose, such as {@code tr-42} for a track or
 * {@code al-...} for an album, up to 64 characters. A service; thread-safe; every method is one transaction.
 *
 * <p>Every method throws {@link CatalogException} when the database fails.
 */
@ProviderType
public interface Annotations {

    /**
     * What was said about one item.
     *
     * @param starred when it was starred, or null when it is not
     * @param rating the rating from 1 to 5, or 0 for none
     * @param playCount how often it was played to its end (scrobbled)
     * @param lastPlayed when it was last played, or null if never
     */
    record Annotation(Instant starred, int rating, long playCount, Instant lastPlayed) {

        /** An item nobody has said anything about. */
        public static final Annotation NONE = new Annotation(null, 0, 0, null);
    }

    /**
     * A playlist.
     *
     * @param id its id, positive
     * @param name its name
     * @param comment its comment, or null
     * @param owner who made it, as the caller names them
     * @param isPublic whether others may see it
     * @param trackIds its tracks' catalog ids, in order; a track may appear more than once; tracks deleted from the
     *     catalog leave it
     * @param created when it was made
     * @param changed when it last changed
     */
    record Playlist(long id, String name, String comment, String owner, boolean isPublic, List<Long> trackIds,
            Instant created, Instant changed) {

        /** Copies the list. */
        public Playlist {
            trackIds = List.copyOf(trackIds);
        }
    }

    /**
     * The play queue a player saved, for another to resume.
     *
     * @param trackIds the queued tracks' catalog ids, in order
     * @param currentTrackId the track playing, or null
     * @param positionMillis how far into it, in milliseconds
     * @param changed when it was saved
     * @param changedBy the name of the player that saved it
     */
    record PlayQueue(List<Long> trackIds, Long currentTrackId, long positionMillis, Instant changed,
            String changedBy) {

        /** Copies the list. */
        public PlayQueue {
            trackIds = List.copyOf(trackIds);
        }
    }

    /**
     * @return every item that has been starred, rated or played, by key
     */
    Map<String, Annotation> all();

    /**
     * Stars items; an item already starred keeps its first star's time.
     *
     * @param items the items' keys
     * @param when the time of the star
     */
    void star(List<String> items, Instant when);

    /**
     * Removes the stars of items; items without one are ignored.
     *
     * @param items the items' keys
     */
    void unstar(List<String> items);

    /**
     * @param item an item's key
     * @param rating 1 to 5, or 0 to remove the rating
     * @throws IllegalArgumentException if {@code rating} is not in 0..5
     */
    void rate(String item, int rating);

    /**
     * Counts a play of an item, which was played to its end (a scrobble).
     *
     * @param item an item's key
     * @param when when it was played
     */
    void played(String item, Instant when);

    /**
     * @return every playlist, by name
     */
    List<Playlist> playlists();

    /**
     * @param id a playlist's id
     * @return the playlist, if there is one with that id
     */
    Optional<Playlist> playlist(long id);

    /**
     * @param name the new playlist's name
     * @param owner who makes it
     * @param trackIds its tracks, in order; ids that are not in the catalog are left out
     * @param when when it is made
     * @return the playlist made
     */
    Playlist createPlaylist(String name, String owner, List<Long> trackIds, Instant when);

    /**
     * Replaces a playlist's name, comment, visibility and tracks.
     *
     * @param playlist the playlist as it should be, with the id of an existing one; its {@code created} and
     *     {@code owner} are kept as they were
     * @param when when it changes
     * @return the playlist as it is now
     * @throws CatalogException if there is no such playlist, or the database fails
     */
    Playlist updatePlaylist(Playlist playlist, Instant when);

    /**
     * @param id a playlist's id
     * @return whether there was such a playlist, now deleted
     */
    boolean deletePlaylist(long id);

    /**
     * @return the play queue saved last, if any
     */
    Optional<PlayQueue> playQueue();

    /**
     * Replaces the saved play queue; an empty one clears it.
     *
     * @param queue the queue
     */
    void savePlayQueue(PlayQueue queue);
}
