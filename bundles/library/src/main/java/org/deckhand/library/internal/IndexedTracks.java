package org.deckhand.library.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.MusicFacts;
import org.deckhand.api.library.Tags;
import org.deckhand.api.search.IndexedTrack;

/**
 * Turns a catalog track into what the search index holds. Every analyser's values are searchable as
 * {@code analyserId.field}. BPM, key and energy are the track's {@link MusicFacts}: the analysers' once they have
 * run, until then the tags' BPM and key (written as a Camelot code such as {@code 8A} or a key name such as
 * {@code Am}).
 */
final class IndexedTracks {

    private IndexedTracks() {
    }

    /**
     * @param track a catalog track
     * @return its index entry
     */
    static IndexedTrack of(CatalogTrack track) {
        Tags tags = track.track().tags();
        Map<String, Object> extra = new LinkedHashMap<>();
        for (AnalysisResult result : track.track().analyses()) {
            result.values().forEach((field, value) -> {
                if (value instanceof Number || value instanceof String) {
                    extra.put(result.analyserId() + "." + field, value);
                }
            });
        }
        MusicFacts facts = MusicFacts.of(track.track(), track.metadata().replayGain());
        double duration = track.track().durationSeconds();
        return new IndexedTrack(track.id(), tags.artists(), tags.title(), tags.album(), tags.label(), tags.genre(),
                tags.year(), facts.bpm(), facts.key() == null ? null : facts.key().code(), facts.energy(),
                Double.isNaN(duration) ? null : duration, track.track().file().format(), track.added(), extra);
    }
}
