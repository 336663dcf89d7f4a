/**
 * Planning a mix: which track follows which, so that each next track is harmonically compatible, within the BPM
 * window, on the energy curve and not by an artist heard just before. Private to the bundle.
 */
package org.deckhand.mixer.internal.plan;
