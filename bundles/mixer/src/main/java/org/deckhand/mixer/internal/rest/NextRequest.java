package org.deckhand.mixer.internal.rest;

/**
 * The body of {@code POST /api/v1/mixes/{id}/plan/next}.
 *
 * @param trackId the id of the track of the library to play next
 */
public record NextRequest(String trackId) {
}
