package org.deckhand.mixer.internal.rest;

import org.deckhand.mixer.internal.service.MixOptions;
import org.deckhand.mixer.internal.service.Seed;

/**
 * The body of {@code POST /api/v1/mixes}.
 *
 * @param seed what the mix starts from
 * @param options its options, or null for the defaults
 */
public record MixRequest(Seed seed, MixOptions options) {
}
