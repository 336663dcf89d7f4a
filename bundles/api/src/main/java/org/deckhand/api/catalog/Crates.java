package org.deckhand.api.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A DJ's crates, kept in the catalog: saved lists of tracks, either made by hand (tracks added and removed one by
 * one, in the order added) or smart (a query in Deckhand's query language, such as {@code genre:techno bpm:124..128},
 * whose tracks are found afresh whenever the crate is read, so that it follows the library). A service; thread-safe;
 * every method is one transaction.
 *
 * <p>Every method throws {@link CatalogException} when the database fails, and {@link IllegalArgumentException} for
 * a blank name, a name over {@value #MAX_NAME_LENGTH} characters or a query over {@value #MAX_QUERY_LENGTH}.
 *
 * @since 1.5
 */
@ProviderType
public interface Crates {

    /** The longest name of a crate, in characters. */
    int MAX_NAME_LENGTH = 256;

    /** The longest query of a smart crate, in characters. */
    int MAX_QUERY_LENGTH = 2048;

    /**
     * A crate.
     *
     * @param id its id, positive
     * @param name its name
     * @param query the query of a smart crate, or null for a crate made by hand
     * @param trackIds the tracks of a crate made by hand, in the order they were added; empty for a smart crate, whose
     *     tracks the search index gives; tracks deleted from the catalog leave it
     * @param created when it was made
     * @param changed when it last changed
     */
    record Crate(long id, String name, String query, List<Long> trackIds, Instant created, Instant changed) {

        /** Copies the list. */
        public Crate {
            trackIds = List.copyOf(trackIds);
        }

        /** @return whether this crate is a query that stays live rather than a list made by hand */
        public boolean smart() {
            return query != null;
        }
    }

    /**
     * @return every crate, by name (case-insensitive), then id
     */
    List<Crate> crates();

    /**
     * @param crateId a crate's id
     * @return the crate, if there is one with that id
     */
    Optional<Crate> crate(long crateId);

    /**
     * Makes a crate.
     *
     * @param name its name
     * @param query the query of a smart crate, or null for one made by hand
     * @param when now
     * @return the new crate
     */
    Crate createCrate(String name, String query, Instant when);

    /**
     * Renames a crate, or changes a smart crate's query.
     *
     * @param crateId the crate
     * @param name its new name
     * @param query its new query; null keeps a hand-made crate hand-made; a smart crate stays smart and needs one
     * @param when now
     * @return the crate as it is now, or empty if there is no such crate
     * @throws IllegalArgumentException as for {@link #createCrate}, and when a smart crate would lose its query or a
     *     hand-made one gain one
     */
    Optional<Crate> updateCrate(long crateId, String name, String query, Instant when);

    /**
     * @param crateId the crate
     * @return whether there was such a crate
     */
    boolean deleteCrate(long crateId);

    /**
     * Adds tracks at the end of a hand-made crate; tracks it holds already stay where they are.
     *
     * @param crateId the crate
     * @param trackIds the tracks, which the catalog holds
     * @param when now
     * @return the crate as it is now, or empty if there is no such crate
     * @throws IllegalArgumentException if the crate is smart, or a track is not in the catalog
     */
    Optional<Crate> addToCrate(long crateId, List<Long> trackIds, Instant when);

    /**
     * Removes tracks from a hand-made crate; tracks it does not hold are ignored.
     *
     * @param crateId the crate
     * @param trackIds the tracks
     * @param when now
     * @return the crate as it is now, or empty if there is no such crate
     * @throws IllegalArgumentException if the crate is smart
     */
    Optional<Crate> removeFromCrate(long crateId, List<Long> trackIds, Instant when);
}
