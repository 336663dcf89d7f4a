package org.deckhand.mixer.internal.rest;

/**
 * The body of {@code POST /api/v1/mixes/{id}/extend}.
 *
 * @param count how many tracks to add to the plan; null for 10
 */
public record ExtendRequest(Integer count) {
}
