/**
 * Signal-processing building blocks the built-in analysers share. Private to the bundle.
 */
package org.deckhand.analysers.dsp;
