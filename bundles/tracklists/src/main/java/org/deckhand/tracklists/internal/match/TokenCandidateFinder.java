package org.deckhand.tracklists.internal.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deckhand.api.tracklist.TracklistEntry;

/**
 * Candidates from tracks held in memory, through an inverted index of their folded artist and title words: the
 * tracks that share the most words with an entry. For a library given as a list (tests, the bench); the server asks
 * its search index ({@link IndexCandidateFinder}).
 */
public final class TokenCandidateFinder implements CandidateFinder {

    private static final int LIMIT = 50;

    private final Map<String, List<LibraryTrack>> byWord = new HashMap<>();

    /** @param tracks the library */
    public TokenCandidateFinder(List<LibraryTrack> tracks) {
        for (LibraryTrack track : tracks) {
            Set<String> words = new LinkedHashSet<>();
            track.artists().forEach(artist -> words.addAll(SearchWords.of(artist)));
            words.addAll(SearchWords.of(track.title()));
            for (String word : words) {
                byWord.computeIfAbsent(word, w -> new ArrayList<>()).add(track);
            }
        }
    }

    @Override
    public List<LibraryTrack> candidates(TracklistEntry entry) {
        Map<LibraryTrack, Integer> shared = new HashMap<>();
        Set<String> words = new LinkedHashSet<>(SearchWords.of(entry.artist()));
        words.addAll(SearchWords.of(entry.title()));
        for (String word : words) {
            for (LibraryTrack track : byWord.getOrDefault(word, List.of())) {
                shared.merge(track, 1, Integer::sum);
            }
        }
        return shared.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .limit(LIMIT).map(Map.Entry::getKey).toList();
    }
}
