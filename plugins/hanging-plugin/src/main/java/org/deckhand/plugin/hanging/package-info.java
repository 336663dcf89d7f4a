/** A plugin whose start never returns, for the tests of the quarantine of plugins. */
package org.deckhand.plugin.hanging;
