package org.deckhand.mixer.internal.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.deckhand.mixer.internal.track.TrackFacts;

/**
 * A planned track as the API shows it.
 *
 * @param trackId the track's id
 * @param artist its artists, comma-separated, or null when untagged
 * @param title its title, or null
 * @param bpm its tempo, BPM, or null
 * @param camelot its key as a Camelot code such as {@code 8A}, or null
 * @param energy its energy, 1 to 10, or null
 * @param startSeconds where its fade-in starts in the mix, seconds; null until listeners hear it start
 */
public record EntryView(String trackId, String artist, String title, Double bpm, String camelot, Double energy,
        @JsonInclude(JsonInclude.Include.ALWAYS) Double startSeconds) {

    /**
     * @param track the track
     * @param startSeconds where it starts in the mix, seconds, or null
     * @return its view
     */
    static EntryView of(TrackFacts track, Double startSeconds) {
        return new EntryView(Long.toString(track.id()), track.artists().isEmpty() ? null
                : String.join(", ", track.artists()), track.title(), track.bpm(),
                track.key() == null ? null : track.key().code(), track.energy(), startSeconds);
    }
}
