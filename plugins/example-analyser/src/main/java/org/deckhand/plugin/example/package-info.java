/** An example third-party analyser: the zero-crossing rate and RMS level of a track. */
package org.deckhand.plugin.example;
