/** A plugin that fails on purpose, for the tests of plugin error reporting. */
package org.deckhand.plugin.faulty;
