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
 * @param editable whether it can still be taken out of the plan, put next or moved: the render has not taken it (it
 *     neither plays, nor has played, nor is being mixed in)
 */
public record EntryView(String trackId, String artist, String title, Double bpm, String camelot, Double energy,
        @JsonInclude(JsonInclude.Include.ALWAYS) Double startSeconds, boolean editable) {

    /**
     * @param track the track
     * @param startSeconds where it starts in the mix, seconds, or null
     * @param editable whether the render has not taken it yet
     * @return its view
     */
    static EntryView of(TrackFacts track, Double startSeconds, boolean editable) {
        return new EntryView(Long.toString(track.id()), track.artists().isEmpty() ? null
                : String.join(", ", track.artists()), track.title(), track.bpm(),
                track.key() == null ? null : track.key().code(), track.energy(), startSeconds, editable);
    }
}
