/**
 * Encoders of the rendered mix: MP3 (jump3r, a Java port of LAME), FLAC (javaFlacEncoder) and WAV, behind a soft
 * limiter, each cutting its output where a player may start decoding. Private to the bundle.
 */
package org.deckhand.mixer.internal.encode;
