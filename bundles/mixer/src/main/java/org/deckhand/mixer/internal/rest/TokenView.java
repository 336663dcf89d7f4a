package org.deckhand.mixer.internal.rest;

/**
 * A mix's new token.
 *
 * @param token the token its stream URLs carry from now on
 */
public record TokenView(String token) {
}
