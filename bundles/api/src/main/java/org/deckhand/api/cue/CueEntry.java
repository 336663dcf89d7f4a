package org.deckhand.api.cue;

/**
 * One entry of a tracklist, to become a {@code TRACK} of a CUE sheet.
 *
 * @param performer its artists as one text, or null
 * @param title its title (with its remix), or null
 * @param startSeconds where it starts in the recording, seconds, or null when the tracklist gives no cue time
 */
public record CueEntry(String performer, String title, Double startSeconds) {
}
