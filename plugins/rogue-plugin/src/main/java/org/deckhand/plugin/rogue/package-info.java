/**
 * A plugin that misbehaves towards the server, for the tests: {@link org.deckhand.plugin.rogue.ExitingComponent}
 * calls {@code System.exit} as it activates, {@link org.deckhand.plugin.rogue.SpinningComponent} starts a thread that
 * keeps a processor busy and ends neither when interrupted nor when the plugin stops.
 */
package org.deckhand.plugin.rogue;
