package org.deckhand.mixer.internal.track;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.deckhand.api.library.RecordingIdentity;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.music.BeatGrid;
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
 * @param fileStem its file's name without the extension (such as {@code 07 Untitled} for
 *     {@code /music/07 Untitled.flac}), or null when unknown
 */
public record TrackFacts(long id, List<String> artists, String title, Double bpm, double tempoConfidence,
        CamelotKey key, Double energy, double durationSeconds, BeatGrid grid, ReplayGain replayGain,
        String fileStem) {

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

    /**
     * @return "Artist - Title" for logs, stream titles, tracklists and CUE sheets; an untagged track (no artist or
     *     no title) by its file's name without the extension, or "Track <i>id</i>" when even that is unknown
     */
    public String displayName() {
        if (tagged()) {
            return String.join(", ", artists) + " - " + title;
        }
        return displayTitle();
    }

    /**
     * @return the title a tracklist or CUE sheet gives: the tagged title when the track has artists and a title,
     *     else its file's name without the extension, else "Track <i>id</i>"
     */
    public String displayTitle() {
        if (tagged()) {
            return title;
        }
        if (fileStem != null && !fileStem.isBlank()) {
            return fileStem;
        }
        return title != null && !title.isBlank() ? title : "Track " + id;
    }

    /** @return its artists, comma-separated, when it has both artists and a title; null when untagged */
    public String displayArtist() {
        return tagged() ? String.join(", ", artists) : null;
    }

    /** @return which recording it is a copy of, for telling copies in other formats apart; empty when untagged */
    public Optional<RecordingIdentity> recording() {
        return RecordingIdentity.of(artists, title, durationSeconds);
    }

    private boolean tagged() {
        return !artists.isEmpty() && title != null && !title.isBlank();
    }
}
