package org.deckhand.mixer.internal.rest;

/**
 * The body of {@code POST /api/v1/mixes/{id}/render}.
 *
 * @param format {@code flac} or {@code mp3}; null for flac
 */
public record RenderRequest(String format) {
}
