package org.deckhand.subsonic.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.deckhand.api.music.CamelotKey;
import org.deckhand.api.music.MixCompatibility;

/**
 * getSimilarSongs2: the songs that mix well after the given one (a song id, or an album or artist id, whose first
 * song is the seed): a key compatible on the Camelot wheel ({@link CamelotKey#compatible()}) and a tempo within
 * {@value #BPM_TOLERANCE_PERCENT} % (or half or double it), best first by the {@link MixCompatibility} score that the
 * console's compatible tracks and the mixer's planner go by. A seed without key or tempo has no similar songs.
 */
final class SimilarEndpoints {

    /** How far a similar song's tempo may lie from the seed's, in percent. */
    static final double BPM_TOLERANCE_PERCENT = 6;

    private SimilarEndpoints() {
    }

    /** @param endpoints the map to add them to, by name */
    static void register(Map<String, Endpoint> endpoints) {
        endpoints.put("getSimilarSongs2", SimilarEndpoints::similar);
    }

    private static void similar(Endpoint.Call call, Element answer) throws SubsonicException {
        String id = call.params().required("id");
        int count = call.params().integer("count", 50, 1, ListEndpoints.MAX_PAGE);
        LibrarySnapshot library = call.library();
        Song seed = Ids.trackId(id).flatMap(library::song)
                .or(() -> library.album(id).map(album -> album.songs().get(0)))
                .or(() -> library.artist(id).map(artist -> artist.albums().get(0).songs().get(0)))
                .orElseThrow(() -> SubsonicException.notFound("Song, album or artist", id));
        Element songs = answer.child("similarSongs2").emptyList("song");
        for (Song song : compatible(library.songs(), seed, count)) {
            Answers.song(songs.add("song"), song, call.of(song.id()));
        }
    }

    /**
     * @param songs the library's songs
     * @param seed the song to follow
     * @param count how many at most
     * @return the songs that mix well after {@code seed}, best {@link MixCompatibility} score first
     */
    static List<Song> compatible(List<Song> songs, Song seed, int count) {
        if (seed.key() == null || seed.bpm() == null || !(seed.bpm() > 0)) {
            return List.of();
        }
        Set<CamelotKey> keys = Set.copyOf(seed.key().compatible());
        return songs.stream()
                .filter(song -> song.trackId() != seed.trackId() && song.key() != null && keys.contains(song.key())
                        && song.bpm() != null)
                .flatMap(song -> rated(seed, song).stream())
                .sorted(Comparator.comparingDouble(Rated::score).reversed()
                        .thenComparingLong(rated -> rated.song().trackId()))
                .limit(count).map(Rated::song).collect(Collectors.toList());
    }

    /** A candidate and its {@link MixCompatibility} score after the seed. */
    private record Rated(Song song, double score) {
    }

    /**
     * @return the candidate's score after the seed (their energy levels unknown to the Subsonic view), unless its
     *     tempo lies outside the window
     */
    private static Optional<Rated> rated(Song seed, Song song) {
        double bpm = seed.bpm();
        double distance = tempoDistance(bpm, song.bpm());
        if (distance > BPM_TOLERANCE_PERCENT) {
            return Optional.empty();
        }
        boolean halfOrDouble = Math.abs(song.bpm() - bpm) / bpm * 100 > distance;
        return Optional.of(new Rated(song, MixCompatibility.score(seed.key().relationTo(song.key()), distance,
                halfOrDouble, BPM_TOLERANCE_PERCENT, null, null)));
    }

    /** @return how far {@code other} lies from {@code bpm} in percent, or from half or double it if nearer */
    private static double tempoDistance(double bpm, double other) {
        double best = Double.MAX_VALUE;
        for (double factor : new double[] {0.5, 1, 2}) {
            best = Math.min(best, Math.abs(other * factor - bpm) / bpm * 100);
        }
        return best;
    }
}
