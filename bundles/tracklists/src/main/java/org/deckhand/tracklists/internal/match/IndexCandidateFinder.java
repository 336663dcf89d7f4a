package org.deckhand.tracklists.internal.match;

import java.util.ArrayList;
import java.util.List;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.Tags;
import org.deckhand.api.search.QuerySyntaxException;
import org.deckhand.api.search.SearchRequest;
import org.deckhand.api.search.TrackIndex;
import org.deckhand.api.tracklist.TracklistEntry;

/**
 * Candidates from the library's search index: the tracks whose artist or title holds any of the entry's words
 * ({@code artist:w1 OR artist:w2 OR title:w3 ...}, at most {@value #WORDS} words), the most relevant
 * {@value #LIMIT}, read from the catalog.
 */
public final class IndexCandidateFinder implements CandidateFinder {

    static final int WORDS = 12;
    static final int LIMIT = 50;

    private final TrackIndex index;
    private final Catalog catalog;

    /**
     * @param index the search index
     * @param catalog the catalog, for the tracks' tags
     */
    public IndexCandidateFinder(TrackIndex index, Catalog catalog) {
        this.index = index;
        this.catalog = catalog;
    }

    @Override
    public List<LibraryTrack> candidates(TracklistEntry entry) {
        String query = query(entry);
        if (query.isEmpty()) {
            return List.of();
        }
        List<Long> ids;
        try {
            ids = index.search(new SearchRequest(query, null, null, LIMIT)).trackIds();
        } catch (QuerySyntaxException e) {
            throw new IllegalStateException("The candidate query " + query + " is malformed: " + e.getMessage(), e);
        }
        List<LibraryTrack> tracks = new ArrayList<>(ids.size());
        for (CatalogTrack track : catalog.getAll(ids)) {
            if (track.missingSince() == null) {
                tracks.add(of(track));
            }
        }
        return tracks;
    }

    /**
     * @param entry an entry
     * @return the search query for its candidates, empty when it has no word worth searching
     */
    static String query(TracklistEntry entry) {
        List<String> clauses = new ArrayList<>();
        for (String word : SearchWords.of(entry.artist())) {
            clauses.add("artist:" + word);
        }
        for (String word : SearchWords.of(entry.title())) {
            clauses.add("title:" + word);
        }
        return String.join(" OR ", clauses.subList(0, Math.min(WORDS, clauses.size())));
    }

    /**
     * @param track a track of the catalog
     * @return it as the matcher compares it
     */
    public static LibraryTrack of(CatalogTrack track) {
        Tags tags = track.track().tags();
        double duration = track.track().durationSeconds();
        return new LibraryTrack(track.id(), tags.artists(), tags.title(), tags.label(),
                Double.isNaN(duration) ? null : duration);
    }
}
