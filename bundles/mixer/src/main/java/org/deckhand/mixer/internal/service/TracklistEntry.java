package org.deckhand.mixer.internal.service;

/**
 * A track that has started in a mix.
 *
 * @param index its place in the tracklist, from 1
 * @param trackId the track's id
 * @param artist its artists, comma-separated, or null
 * @param title its title, or null
 * @param startSeconds where its fade-in starts in the mix, seconds
 */
public record TracklistEntry(int index, String trackId, String artist, String title, double startSeconds) {
}
