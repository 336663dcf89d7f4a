/**
 * Analysers that misbehave during analysis, for the tests: {@link org.deckhand.plugin.misbehaving.ThrowingAnalyser}
 * throws on the first block of every track, {@link org.deckhand.plugin.misbehaving.HangingAnalyser} never returns
 * from it.
 */
package org.deckhand.plugin.misbehaving;
