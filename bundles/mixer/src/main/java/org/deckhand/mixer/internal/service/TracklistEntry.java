package org.deckhand.mixer.internal.service;

import org.deckhand.mixer.internal.track.TrackFacts;

/**
 * A track that has started in a mix.
 *
 * @param index its place in the tracklist, from 1
 * @param trackId the track's id
 * @param artist its artists, comma-separated, or null when untagged
 * @param title its title; an untagged track's file name without the extension
 * @param startSeconds where its fade-in starts in the mix, seconds
 */
public record TracklistEntry(int index, String trackId, String artist, String title, double startSeconds) {

    /**
     * @param index its place in the tracklist, from 1
     * @param track the track
     * @param startSeconds where its fade-in starts in the mix, seconds
     * @return its entry, named as its stream title names it ({@link TrackFacts#displayTitle()})
     */
    static TracklistEntry of(int index, TrackFacts track, double startSeconds) {
        return new TracklistEntry(index, Long.toString(track.id()), track.displayArtist(), track.displayTitle(),
                startSeconds);
    }
}
