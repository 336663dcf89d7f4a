/**
 * Rendering a mix: decks that play tracks time-stretched with key lock, beat-matched transitions with an
 * equal-power crossfade and an optional bass swap, and the renderer that a stream pulls blocks of PCM from. Private
 * to the bundle.
 */
package org.deckhand.mixer.internal.render;
