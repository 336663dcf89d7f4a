package org.deckhand.api.tracklist;

/**
 * A track of the library that may be an entry.
 *
 * @param trackId the track's catalog id
 * @param confidence how sure the matcher is, 0 (not at all) to 1 (the same artist, title and version)
 */
public record MatchCandidate(long trackId, double confidence) {
}
