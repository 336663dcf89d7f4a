package org.deckhand.mixer.internal.track;

import java.util.List;
import java.util.Objects;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.music.CamelotKey;

/**
 * The facts about one track that planning and rendering a mix use. Everything but {@code id}, {@code artists} and
 * {@code durationSeconds} may be unknown ({@code null}), for a track not yet analysed.
 *
 * @param id the track's catalog id
 * @param artists its artists, as tagged; empty when untagged
 * @param title its title, or null
 * @param bpm its tempo, beats per minute, or null
 * @param tempoConfidence how sure the tempo analyser is of the tempo, 0 to 1 (0 when unknown)
 * @param key its key on the Camelot wheel, or null
 * @param energy its energy, 1 (calm) to 10 (intense), or null
 * @param durationSeconds its playing time, seconds
 * @param grid its beat grid and cue points, or null
 * @param replayGain its ReplayGain 2.0 track gain (dB) and peak (linear), {@link ReplayGain#NONE} when unknown
 */
public record TrackFacts(long id, List<String> artists, String title, Double bpm, double tempoConfidence,
        CamelotKey key, Double energy, double durationSeconds, BeatGrid grid, ReplayGain replayGain) {

    /**
     * @throws NullPointerException if {@code replayGain} is null
     * @throws IllegalArgumentException if the duration is negative or not a number
     */
    public TrackFacts {
        artists = artists == null ? List.of() : List.copyOf(artists);
        Objects.requireNonNull(replayGain, "replayGain");
        if (!(durationSeconds >= 0)) {
            throw new IllegalArgumentException("track " + id + " has no duration: " + durationSeconds);
        }
    }

    /** @return "Artist - Title" for logs and stream titles, with what is known of both */
    public String displayName() {
        String artist = artists.isEmpty() ? "Unknown artist" : String.join(", ", artists);
        return artist + " - " + (title == null ? "Track " + id : title);
    }
}
