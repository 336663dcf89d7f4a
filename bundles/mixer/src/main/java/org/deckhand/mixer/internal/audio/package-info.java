/** Opens the library's files as the mixer plays them: decoded, resampled to the mix's rate, in stereo. */
package org.deckhand.mixer.internal.audio;
