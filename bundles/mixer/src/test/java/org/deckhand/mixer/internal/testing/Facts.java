package org.deckhand.mixer.internal.testing;

import java.util.List;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.music.BeatGrid;
import org.deckhand.api.music.CamelotKey;
import org.deckhand.mixer.internal.track.TrackFacts;

/** Builds the facts of test tracks. */
public final class Facts {

    private Facts() {
    }

    /**
     * @param id the track id
     * @param artist its artist
     * @param bpm its tempo
     * @param camelot its key, such as 8A
     * @param energy its energy, 1 to 10
     * @return a track for planning, 300 s long, without grid or ReplayGain
     */
    public static TrackFacts planning(long id, String artist, double bpm, String camelot, double energy) {
        return new TrackFacts(id, List.of(artist), "Track " + id, bpm, 0.9, CamelotKey.parse(camelot).orElseThrow(),
                energy, 300, null, ReplayGain.NONE, null);
    }

    /**
     * @param id the track id
     * @param bpm its tempo
     * @param seconds its length
     * @param grid its beat grid
     * @param confidence the tempo analyser's confidence
     * @param replayGain its ReplayGain
     * @return a track for rendering
     */
    public static TrackFacts rendering(long id, double bpm, double seconds, BeatGrid grid, double confidence,
            ReplayGain replayGain) {
        return new TrackFacts(id, List.of("Artist " + id), "Track " + id, bpm, confidence,
                CamelotKey.parse("8A").orElseThrow(), 6.0, seconds, grid, replayGain, null);
    }

    /**
     * @param id the track id
     * @param artists its artists, empty when untagged
     * @param title its title, or null
     * @param fileStem its file's name without the extension
     * @return a track for naming, 300 s long, without grid or ReplayGain
     */
    public static TrackFacts named(long id, List<String> artists, String title, String fileStem) {
        return new TrackFacts(id, artists, title, 125.0, 0.9, CamelotKey.parse("8A").orElseThrow(), 5.0, 300, null,
                ReplayGain.NONE, fileStem);
    }
}
