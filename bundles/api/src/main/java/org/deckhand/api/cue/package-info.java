/**
 * CUE sheets, the server's one way to say where each track of a recording starts: a model of a sheet
 * ({@link org.deckhand.api.cue.CueSheet}, {@link org.deckhand.api.cue.CueTrack}), the
 * {@link org.deckhand.api.cue.CueSheetWriter} service that writes one from a tracklist's entries and the
 * {@link org.deckhand.api.cue.CueSheetReader} service that reads the sheets other programs wrote.
 *
 * <p>Sources of the format: the CDRWIN user's guide, "Appendix A: Cue sheet syntax" (the commands {@code FILE},
 * {@code TRACK}, {@code INDEX}, {@code TITLE}, {@code PERFORMER}, {@code REM}; times {@code mm:ss:ff} at 75 frames a
 * second); the Hydrogenaudio knowledgebase's "Cue sheet" page (the {@code REM DATE}, {@code REM GENRE},
 * {@code REM COMMENT} conventions of EAC and foobar2000); the parser of FLAC's {@code metaflac
 * --import-cuesheet-from} ({@code src/share/grabbag/cuesheet.c} and {@code FLAC__format_cuesheet_is_legal}, with
 * the invalid sheets of {@code test/cuesheets/}), the strictest reader in Debian; cuetools' {@code cueprint} and
 * {@code cuebreakpoints}; shntool's {@code shnsplit}.
 */
@Export
@Version("1.0.0")
package org.deckhand.api.cue;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
