package org.deckhand.mixer.internal.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deckhand.mixer.internal.track.TrackFacts;

/**
 * Finds the track a mix starts with and the tracks it may draw on: a query's hits (the first hit with a key and a
 * BPM starts), one track with the whole library, a list of tracks (the first starts), or a crate: a smart crate's
 * query, a hand-made crate's tracks.
 */
final class SeedResolver {

    /** The most hits of a query that a mix draws on. */
    static final int MAX_QUERY_POOL = 10_000;
    /** The most tracks a seed may list: as many as a plan holds. */
    static final int MAX_TRACK_IDS = MixSettings.MAX_LENGTH;

    private final TrackLibrary library;

    SeedResolver(TrackLibrary library) {
        this.library = library;
    }

    /**
     * @param seed the seed
     * @return the first track and the pool
     * @throws IllegalArgumentException if the seed is malformed (see {@link #check}) or finds no playable track; the
     *     message says which
     */
    Pool resolve(Seed seed) {
        check(seed);
        if (seed.crateId() != null) {
            Seed crate = library.crate(number(seed.crateId())).orElseThrow(() -> new IllegalArgumentException(
                    "there is no crate " + seed.crateId()));
            if (crate.trackIds() != null && crate.trackIds().isEmpty()) {
                throw new IllegalArgumentException("the crate " + seed.crateId() + " holds no track");
            }
            return resolve(crate);
        }
        if (seed.query() != null) {
            List<TrackFacts> hits = library.search(seed.query(), MAX_QUERY_POOL);
            TrackFacts first = hits.stream().filter(SeedResolver::plannable).findFirst()
                    .or(() -> hits.stream().findFirst())
                    .orElseThrow(() -> new IllegalArgumentException("the query '" + seed.query()
                            + "' finds no playable track"));
            return new Pool(first, hits);
        }
        if (seed.trackId() != null) {
            TrackFacts first = track(seed.trackId()).orElseThrow(() -> new IllegalArgumentException("there is no "
                    + "playable track " + seed.trackId()));
            return new Pool(first, library.all());
        }
        List<TrackFacts> tracks = new ArrayList<>();
        for (String id : seed.trackIds()) {
            track(id).ifPresent(tracks::add);
        }
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("none of the " + seed.trackIds().size() + " tracks of trackIds can be "
                    + "played");
        }
        return new Pool(tracks.get(0), tracks);
    }

    /**
     * Checks a seed's shape before anything is looked up.
     *
     * @param seed the seed
     * @throws IllegalArgumentException if it is missing, has not exactly one of its three forms, or lists no track
     *     or more than {@value #MAX_TRACK_IDS}; the message says which
     */
    static void check(Seed seed) {
        if (seed == null) {
            throw new IllegalArgumentException("a mix needs a seed: {\"query\": ...}, {\"trackId\": ...}, "
                    + "{\"trackIds\": [...]} or {\"crateId\": ...}");
        }
        int given = (seed.query() == null ? 0 : 1) + (seed.trackId() == null ? 0 : 1)
                + (seed.trackIds() == null ? 0 : 1) + (seed.crateId() == null ? 0 : 1);
        if (given != 1) {
            throw new IllegalArgumentException("a seed has exactly one of query, trackId, trackIds and crateId");
        }
        if (seed.trackIds() != null && (seed.trackIds().isEmpty() || seed.trackIds().size() > MAX_TRACK_IDS)) {
            throw new IllegalArgumentException("trackIds lists 1 to " + MAX_TRACK_IDS + " tracks, as many as a "
                    + "plan holds, not " + seed.trackIds().size());
        }
    }

    /**
     * @param id a track id as the API gives it
     * @return the track's facts, or empty when the library has no such track
     * @throws IllegalArgumentException if the id is not a number
     */
    Optional<TrackFacts> track(String id) {
        return library.facts(number(id));
    }

    /**
     * @param id a track or crate id as the API gives it
     * @return the id as a number
     * @throws IllegalArgumentException if it is not a number
     */
    static long number(String id) {
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ids are numbers, not '" + id + "'", e);
        }
    }

    private static boolean plannable(TrackFacts track) {
        return track.key() != null && track.bpm() != null && track.bpm() > 0;
    }

    /**
     * @param first the track the mix starts with
     * @param tracks the tracks the plan may draw on
     */
    record Pool(TrackFacts first, List<TrackFacts> tracks) {
    }
}
