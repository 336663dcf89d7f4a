package org.deckhand.mixer.internal.track;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.library.Tags;
import org.deckhand.api.music.CamelotKey;

/**
 * Reads a catalog track's {@link TrackFacts} from the built-in analysers' results ({@code tempo.*},
 * {@code beatgrid.*}, {@code key.camelot}, {@code energy.energy}, {@code loudness.replayGain*}). Where an analyser
 * has not run yet it falls back to the tags: their BPM (with no confidence, so that the track is never beat-matched
 * on it), their key (as a Camelot code or a key name) and their ReplayGain.
 */
public final class TrackFactsReader {

    private TrackFactsReader() {
    }

    /**
     * @param track a track from the catalog
     * @return what the mixer needs of it
     * @throws IllegalArgumentException if the track's duration is not known yet
     */
    public static TrackFacts of(CatalogTrack track) {
        Map<String, Object> values = new HashMap<>();
        for (AnalysisResult result : track.track().analyses()) {
            result.values().forEach((field, value) -> values.put(result.analyserId() + "." + field, value));
        }
        Tags tags = track.track().tags();
        Double analysedBpm = number(values, "tempo.bpm");
        Double bpm = analysedBpm != null ? analysedBpm : tags.bpm();
        double tempoConfidence = analysedBpm == null ? 0 : orZero(number(values, "tempo.confidence"));
        CamelotKey key = Optional.ofNullable(values.get("key.camelot")).map(Object::toString)
                .or(() -> Optional.ofNullable(tags.key())).flatMap(CamelotKey::parse).orElse(null);
        return new TrackFacts(track.id(), tags.artists(), tags.title(), bpm, tempoConfidence, key,
                number(values, "energy.energy"), track.track().durationSeconds(), grid(values),
                replayGain(values, track.metadata().replayGain()), stem(track.track().file().path()));
    }

    private static String stem(Path file) {
        if (file == null || file.getFileName() == null) {
            return null;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static BeatGrid grid(Map<String, Object> values) {
        Double firstDownbeat = number(values, "beatgrid.firstDownbeatSeconds");
        Double period = number(values, "beatgrid.beatPeriodSeconds");
        if (firstDownbeat == null || period == null || !(period > 0) || !(firstDownbeat >= 0)) {
            return null;
        }
        return new BeatGrid(firstDownbeat, period, orZero(number(values, "beatgrid.confidence")),
                Boolean.TRUE.equals(values.get("beatgrid.variableTempo")),
                orNaN(number(values, "beatgrid.introEndSeconds")), orNaN(number(values, "beatgrid.outroStartSeconds")));
    }

    private static ReplayGain replayGain(Map<String, Object> values, ReplayGain tagged) {
        Double gain = number(values, "loudness.replayGainDb");
        if (gain == null) {
            return new ReplayGain(tagged.trackGainDb(), tagged.trackPeak(), null, null);
        }
        return new ReplayGain(gain, number(values, "loudness.replayGainPeak"), null, null);
    }

    private static Double number(Map<String, Object> values, String name) {
        return values.get(name) instanceof Number number ? number.doubleValue() : null;
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
