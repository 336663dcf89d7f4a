package org.deckhand.mixer.internal.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.catalog.Crates;
import org.deckhand.api.search.QuerySyntaxException;
import org.deckhand.api.search.SearchPage;
import org.deckhand.api.search.SearchRequest;
import org.deckhand.api.search.TrackIndex;
import org.deckhand.mixer.internal.track.TrackFacts;
import org.deckhand.mixer.internal.track.TrackFactsReader;

/** The library through the catalog (facts, files, crates) and the search index (queries). */
final class CatalogLibrary implements TrackLibrary {

    private static final int PAGE = 1000;

    private final Catalog catalog;
    private final Crates crates;
    private final TrackIndex index;

    CatalogLibrary(Catalog catalog, Crates crates, TrackIndex index) {
        this.catalog = catalog;
        this.crates = crates;
        this.index = index;
    }

    @Override
    public Optional<Seed> crate(long crateId) {
        return crates.crate(crateId).map(crate -> crate.smart() ? new Seed(crate.query(), null, null)
                : new Seed(null, null, crate.trackIds().stream().limit(SeedResolver.MAX_TRACK_IDS)
                        .map(String::valueOf).toList()));
    }

    @Override
    public Optional<TrackFacts> facts(long trackId) {
        return catalog.get(trackId).flatMap(CatalogLibrary::playable);
    }

    @Override
    public List<TrackFacts> search(String query, int limit) {
        List<TrackFacts> found = new ArrayList<>();
        String cursor = null;
        try {
            do {
                SearchPage page = index.search(new SearchRequest(query, null, cursor, PAGE));
                for (CatalogTrack track : catalog.getAll(page.trackIds())) {
                    playable(track).ifPresent(found::add);
                }
                cursor = page.nextCursor();
            } while (cursor != null && found.size() < limit);
        } catch (QuerySyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    @Override
    public List<TrackFacts> all() {
        List<TrackFacts> all = new ArrayList<>();
        catalog.forEach(track -> playable(track).ifPresent(all::add));
        return all;
    }

    @Override
    public Path file(long trackId) {
        return catalog.get(trackId).filter(track -> track.missingSince() == null)
                .map(track -> track.track().file().path()).orElse(null);
    }

    private static Optional<TrackFacts> playable(CatalogTrack track) {
        if (track.missingSince() != null || !(track.track().durationSeconds() > 0)) {
            return Optional.empty();
        }
        return Optional.of(TrackFactsReader.of(track));
    }
}
