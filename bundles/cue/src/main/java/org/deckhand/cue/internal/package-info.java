/** The CUE sheet writer and reader: text rules, the parser, metaflac's checks, and the service. */
package org.deckhand.cue.internal;
