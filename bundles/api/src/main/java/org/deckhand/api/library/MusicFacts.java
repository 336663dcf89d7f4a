package org.deckhand.api.library;

import java.util.Map;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.music.BeatGrid;
import org.deckhand.api.music.CamelotKey;

/**
 * What a DJ needs to know of a track, each fact the analysed value where the built-in analyser
 * ({@link BuiltInAnalysers}) has run, else the file's tag: the one place that decides between them, for the search
 * index, the mixer, write-back, file renaming and the Subsonic API. Any fact may be unknown ({@code null}).
 *
 * @param analysedBpm the tempo analyser's tempo, in BPM, or null
 * @param taggedBpm the tempo tag's (ID3 TBPM, Vorbis BPM, MP4 tmpo), in BPM, or null; a tag of 0 BPM or less is
 *     taken for none
 * @param tempoConfidence how sure the tempo analyser is of its tempo, 0 to 1; 0 when it has not run, so that a track
 *     is never beat-matched on a tagged tempo
 * @param analysedKey the key analyser's key, or null
 * @param taggedKey the key tag's, written as a Camelot code ({@code 8A}) or a key name ({@code Am}), or null
 * @param grid the beat grid analyser's grid, or null when it has not run or found no valid grid
 * @param energy the energy analyser's rating, 1 (calm) to 10 (intense), or null; no tag holds energy
 * @param replayGain the ReplayGain 2.0 track gain (dB) and peak (linear, 1.0 at full scale): the loudness
 *     analyser's where it has run, else the tags'; album values are left out, as they are not the track's
 */
public record MusicFacts(Double analysedBpm, Double taggedBpm, double tempoConfidence, CamelotKey analysedKey,
        CamelotKey taggedKey, BeatGrid grid, Double energy, ReplayGain replayGain) {

    /**
     * Reads a track's facts from its analysis results and tags.
     *
     * @param track a track, with its tags and analysis results
     * @param taggedReplayGain the ReplayGain values in its file's tags ({@link TrackMetadata#replayGain()})
     * @return its facts
     */
    public static MusicFacts of(Track track, ReplayGain taggedReplayGain) {
        Map<String, Object> tempo = Map.of();
        Map<String, Object> grid = Map.of();
        Map<String, Object> key = Map.of();
        Map<String, Object> energy = Map.of();
        Map<String, Object> loudness = Map.of();
        for (AnalysisResult result : track.analyses()) {
            switch (result.analyserId()) {
                case BuiltInAnalysers.TEMPO -> tempo = result.values();
                case BuiltInAnalysers.BEATGRID -> grid = result.values();
                case BuiltInAnalysers.KEY -> key = result.values();
                case BuiltInAnalysers.ENERGY -> energy = result.values();
                case BuiltInAnalysers.LOUDNESS -> loudness = result.values();
                default -> {
                }
            }
        }
        Double analysedBpm = number(tempo, BuiltInAnalysers.TEMPO_BPM);
        Tags tags = track.tags();
        return new MusicFacts(analysedBpm, tags.bpm() != null && tags.bpm() > 0 ? tags.bpm() : null,
                analysedBpm == null ? 0 : orZero(number(tempo, BuiltInAnalysers.TEMPO_CONFIDENCE)),
                key.get(BuiltInAnalysers.KEY_CAMELOT) instanceof String code ? CamelotKey.parse(code).orElse(null)
                        : null,
                tags.key() == null ? null : CamelotKey.parse(tags.key()).orElse(null),
                grid(grid),
                number(energy, BuiltInAnalysers.ENERGY_RATING),
                replayGain(loudness, taggedReplayGain));
    }

    /** @return the tempo, in BPM: the analysed, else the tagged, or null when neither is known */
    public Double bpm() {
        return analysedBpm != null ? analysedBpm : taggedBpm;
    }

    /** @return the key on the Camelot wheel: the analysed, else the tagged, or null when neither is known */
    public CamelotKey key() {
        return analysedKey != null ? analysedKey : taggedKey;
    }

    private static BeatGrid grid(Map<String, Object> values) {
        Double firstDownbeat = number(values, BuiltInAnalysers.BEATGRID_FIRST_DOWNBEAT_SECONDS);
        Double period = number(values, BuiltInAnalysers.BEATGRID_BEAT_PERIOD_SECONDS);
        if (firstDownbeat == null || period == null || !(period > 0) || !(firstDownbeat >= 0)) {
            return null;
        }
        return new BeatGrid(firstDownbeat, period, orZero(number(values, BuiltInAnalysers.BEATGRID_CONFIDENCE)),
                Boolean.TRUE.equals(values.get(BuiltInAnalysers.BEATGRID_VARIABLE_TEMPO)),
                orNaN(number(values, BuiltInAnalysers.BEATGRID_INTRO_END_SECONDS)),
                orNaN(number(values, BuiltInAnalysers.BEATGRID_OUTRO_START_SECONDS)));
    }

    private static ReplayGain replayGain(Map<String, Object> values, ReplayGain tagged) {
        Double gain = number(values, BuiltInAnalysers.LOUDNESS_REPLAY_GAIN_DB);
        return gain == null ? new ReplayGain(tagged.trackGainDb(), tagged.trackPeak(), null, null)
                : new ReplayGain(gain, number(values, BuiltInAnalysers.LOUDNESS_REPLAY_GAIN_PEAK), null, null);
    }

    private static Double number(Map<String, Object> values, String field) {
        return values.get(field) instanceof Number number ? number.doubleValue() : null;
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
