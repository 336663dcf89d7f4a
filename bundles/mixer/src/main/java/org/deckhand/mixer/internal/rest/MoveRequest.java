package org.deckhand.mixer.internal.rest;

/**
 * The body of {@code POST /api/v1/mixes/{id}/plan/move}.
 *
 * @param trackId the id of the planned track to move
 * @param position where it goes, counted from 0 in the mix's {@code plan}
 */
public record MoveRequest(String trackId, Integer position) {
}
