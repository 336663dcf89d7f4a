package org.deckhand.api.tracklist;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where tracklists are kept, with their entries' matches and their links to mix recordings: the catalog's database.
 * A service; thread-safe; every method is one transaction.
 *
 * <p>Every method throws {@link org.deckhand.api.catalog.CatalogException} when the database fails.
 */
@ProviderType
public interface TracklistStore {

    /**
     * Keeps a new tracklist.
     *
     * @param tracklist the tracklist
     * @param matches one match per entry, in order
     * @return it as kept, with its new id
     * @throws IllegalArgumentException if there is not one match per entry
     */
    StoredTracklist add(Tracklist tracklist, List<EntryMatch> matches);

    /**
     * Replaces a kept tracklist's content (a new import of the same address); its id, link and import time stay.
     *
     * @param id the tracklist
     * @param tracklist its new content
     * @param matches one match per new entry, in order
     * @return it as kept now
     * @throws java.util.NoSuchElementException if there is no such tracklist
     */
    StoredTracklist replace(long id, Tracklist tracklist, List<EntryMatch> matches);

    /**
     * @param id a tracklist's id
     * @return the tracklist, if kept
     */
    Optional<StoredTracklist> tracklist(long id);

    /**
     * @param address a page's address
     * @return the tracklist imported from it, if any
     */
    Optional<StoredTracklist> findByAddress(String address);

    /**
     * Lists the tracklists, newest import first.
     *
     * @param query words that the title, a DJ, the date ({@code 2023-04-28}, or a part of it) or an entry's artist or
     *     title must contain, case and accents ignored; {@code null} or blank for all
     * @param limit the most to list, 1 to 1000
     * @return the tracklists found
     */
    List<TracklistSummary> list(String query, int limit);

    /**
     * Sets one entry's match.
     *
     * @param id the tracklist
     * @param position the entry's position, from 1
     * @param match its new match
     * @return the tracklist as kept now
     * @throws java.util.NoSuchElementException if there is no such tracklist or entry
     */
    StoredTracklist setMatch(long id, int position, EntryMatch match);

    /**
     * Links a mix recording of the library to a tracklist; a link the recording had to another tracklist goes.
     *
     * @param id the tracklist
     * @param recordingTrackId the recording's track id
     * @return the tracklist as kept now
     * @throws java.util.NoSuchElementException if there is no such tracklist
     */
    StoredTracklist link(long id, long recordingTrackId);

    /**
     * @param recordingTrackId a mix recording's track id
     * @return the tracklist linked to it, if any
     */
    Optional<StoredTracklist> forRecording(long recordingTrackId);

    /**
     * Forgets a tracklist.
     *
     * @param id the tracklist
     * @return whether it was kept
     */
    boolean delete(long id);
}
