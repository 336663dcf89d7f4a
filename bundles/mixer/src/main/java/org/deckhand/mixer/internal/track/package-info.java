/**
 * What the mixer knows about a track before it plays it: tags, tempo, key, energy, beat grid, cue points and
 * ReplayGain, read from the analysers' results. Private to the bundle.
 */
package org.deckhand.mixer.internal.track;
