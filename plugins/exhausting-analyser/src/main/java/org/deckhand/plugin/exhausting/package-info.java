/**
 * An analyser that runs the server out of memory on one file, for the tests:
 * {@link org.deckhand.plugin.exhausting.ExhaustingAnalyser}.
 */
package org.deckhand.plugin.exhausting;
