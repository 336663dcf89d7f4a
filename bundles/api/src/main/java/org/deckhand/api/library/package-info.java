/**
 * The library's domain model: a {@link org.deckhand.api.library.Track} is one piece of music, held in one
 * {@link org.deckhand.api.library.AudioFile} and described by its {@link org.deckhand.api.library.Tags}. Its
 * {@link org.deckhand.api.library.MusicFacts} (BPM, key, beat grid, energy, ReplayGain) are the analysed values of
 * the {@link org.deckhand.api.library.BuiltInAnalysers}, else the tags'.
 */
@Export
@Version("1.5.0")
package org.deckhand.api.library;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
