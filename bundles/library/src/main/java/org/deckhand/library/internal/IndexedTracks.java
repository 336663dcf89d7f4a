package org.deckhand.library.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.Tags;
import org.deckhand.api.search.IndexedTrack;

/**
 * Turns a catalog track into what the search index holds. Every analyser's values are searchable as
 * {@code analyserId.field}. BPM, key and energy come from the analysers ({@code tempo.bpm}, {@code key.camelot},
 * {@code energy.energy}) once they have run; until then BPM is the tag's, and the key is the tag's when it is
 * written as a Camelot code ({@code 8A}).
 */
final class IndexedTracks {

    private static final Pattern CAMELOT = Pattern.compile("(?i)(1[0-2]|[1-9])[AB]");

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
        double duration = track.track().durationSeconds();
        String tagKey = tags.key() != null && CAMELOT.matcher(tags.key().strip()).matches()
                ? tags.key().strip().toUpperCase(Locale.ROOT) : null;
        Double bpm = extra.get("tempo.bpm") instanceof Double analysed ? analysed : tags.bpm();
        String key = extra.get("key.camelot") instanceof String analysed ? analysed : tagKey;
        Double energy = extra.get("energy.energy") instanceof Number analysed ? analysed.doubleValue() : null;
        return new IndexedTrack(track.id(), tags.artists(), tags.title(), tags.album(), tags.label(), tags.genre(),
                tags.year(), bpm, key, energy, Double.isNaN(duration) ? null : duration,
                track.track().file().format(), track.added(), extra);
    }
}
