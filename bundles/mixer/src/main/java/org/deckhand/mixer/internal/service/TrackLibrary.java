package org.deckhand.mixer.internal.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.deckhand.mixer.internal.track.TrackFacts;

/** The library as the mixer sees it: the facts of its tracks, and where their files are. */
public interface TrackLibrary {

    /**
     * @param trackId a track's id
     * @return its facts, if the library holds it with its file present and its duration known
     */
    Optional<TrackFacts> facts(long trackId);

    /**
     * @param query a search in the library's query language
     * @param limit the most tracks to return
     * @return the tracks it finds that can be played, in the search's order (relevance, then id)
     * @throws IllegalArgumentException if the query is malformed; the message says where
     */
    List<TrackFacts> search(String query, int limit);

    /** @return every track that can be played, in id order */
    List<TrackFacts> all();

    /**
     * @param trackId a track's id
     * @return its file, or null when the library no longer holds it
     */
    Path file(long trackId);

    /**
     * @param crateId a crate's id
     * @return the crate as a seed: a smart crate's query, or a hand-made crate's first
     *     {@value SeedResolver#MAX_TRACK_IDS} tracks; empty if there is no such crate, or this library keeps none
     */
    default Optional<Seed> crate(long crateId) {
        return Optional.empty();
    }
}
