/**
 * Decoding audio files to PCM: the {@link org.deckhand.api.audio.AudioDecoder} service opens a file as a stream of
 * float samples at the file's own rate and channel count, and hashes the file's bytes in the same read. The analysis
 * pipeline and the mixer use it.
 */
@Export
@Version("1.3.0")
package org.deckhand.api.audio;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
